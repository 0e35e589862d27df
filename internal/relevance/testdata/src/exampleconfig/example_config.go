package main

import "os"

func writeExample() { os.WriteFile("config.example.yaml", nil, 0o644) }
