package noreturn

import (
	"log"
	"os"
	"runtime"
	"testing"
)

func std(t *testing.T, l *log.Logger) {
	if len(os.Args) == 0 {
		os.Exit(2) // want "Exit never returns"
	}
	if len(os.Args) == 1 {
		log.Fatalf("x") // want "Fatalf never returns"
	}
	if len(os.Args) == 2 {
		l.Fatal("x") // want "Fatal never returns"
	}
	if len(os.Args) == 3 {
		t.Fatal("x") // want "Fatal never returns"
	}
	if len(os.Args) == 4 {
		runtime.Goexit() // want "Goexit never returns"
	}
	log.Print("returns")
	t.Log("returns")
}

// die never returns: every path ends in os.Exit or panic.
func die(msg string) {
	if msg == "" {
		panic("empty")
	}
	log.Print(msg)
	os.Exit(1) // want "Exit never returns"
}

// maybeDie returns when ok.
func maybeDie(ok bool) {
	if !ok {
		die("not ok") // want "die never returns"
	}
}

// spin calls itself only: taken as returning (no diagnostic: a cycle is not proof).
func spin() { spin() }

// dieViaLocal never returns through another function of the package.
func dieViaLocal() {
	die("bye") // want "die never returns"
}

func uses() {
	maybeDie(true) // no diagnostic: returns on one path
	spin()         // no diagnostic: a cycle is assumed to return
	dieViaLocal()  // want "dieViaLocal never returns"
	func() {
		die("in a literal") // want "die never returns"
	}()
	var exit func(int) = os.Exit
	exit(1) // no diagnostic: dynamic call
}
