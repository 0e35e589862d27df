// Command exampleconfig is a real program with a file that writes an
// example configuration: no diagnostic: ordinary (not every file is an
// example).
package main

func main() { writeExample() }
