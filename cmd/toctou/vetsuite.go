package main

import (
	"flag"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/suite/vet"
)

// vetSuiteFlag is the flag that leaves go vet's own analyzers out:
// go vet -vettool=$(which toctou) -vetsuite=false ./...
const vetSuiteFlag = "vetsuite"

// vetSuite returns the analyzers that go vet runs by default
// (golang.org/x/tools/go/analysis/suite/vet: printf, copylocks, ...) when
// go vet runs the tool to report diagnostics, so that a user who chooses
// -vettool=toctou keeps them; otherwise nil. It registers -vetsuite on
// flags whenever go vet's protocol is spoken, so that "toctou -flags"
// lists it and go vet forwards it.
//
// The suite is left out of the standalone checker and help (they are
// about toctou's checks only), and of command lines that apply fixes
// (go fix -fixtool, go vet -fix; the tool receives -fix from both): the
// vet suite's fixes are, in x/tools' words, not necessarily safe to apply,
// and go fix's own suite does not include them. go fix -json passes the
// same flags as go vet and so gets the vet suite's diagnostics too.
//
// -vetsuite=false disables the suite's analyzers through their -NAME
// selection flags, as -printf=false -copylocks=false ... would: they and
// their prerequisites then do not run, not even for facts. An analyzer
// selected by name (-printf) still runs, as -NAME selection means "only
// these"; so does a toctou check (-pathrace runs pathrace alone).
func vetSuite(flags *flag.FlagSet, args []string) []*analysis.Analyzer {
	if !vetProtocol(args) {
		return nil
	}
	var suite []*analysis.Analyzer
	if !fixRequested(args) {
		suite = vet.Suite
	}
	flags.Var(&vetSuiteValue{flags: flags, suite: suite}, vetSuiteFlag,
		"under go vet, also run go vet's own analyzers (printf, copylocks, ...); -vetsuite=false runs toctou's checks only")
	return suite
}

// vetSuiteValue is the -vetsuite flag. Set(false) turns the -NAME flag of
// each analyzer of the suite to false; multichecker defines those flags
// before it parses the command line, so they exist when Set runs.
type vetSuiteValue struct {
	flags *flag.FlagSet
	suite []*analysis.Analyzer
	off   bool
}

func (v *vetSuiteValue) IsBoolFlag() bool { return true }
func (v *vetSuiteValue) Get() any         { return !v.off }
func (v *vetSuiteValue) String() string {
	if v == nil {
		return "true"
	}
	return strconv.FormatBool(!v.off)
}

func (v *vetSuiteValue) Set(s string) error {
	on, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	if on {
		return nil // the default; a suite turned off stays off
	}
	v.off = true
	for _, a := range v.suite {
		if err := v.flags.Set(a.Name, "false"); err != nil {
			return err
		}
	}
	return nil
}

// vetProtocol reports whether go vet (or go fix) runs the tool: to learn
// its flags (-flags) or to analyze one package (flags, then a .cfg file).
func vetProtocol(args []string) bool {
	if len(args) == 1 && (args[0] == "-flags" || args[0] == "--flags") {
		return true
	}
	_, ok := vetConfigFile(args)
	return ok
}

// vetConfigFile returns the configuration file of a command line by which
// go vet runs the tool on one package: the user's analyzer flags, then
// the file.
func vetConfigFile(args []string) (string, bool) {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return "", false
	}
	for _, arg := range args[:len(args)-1] {
		if !strings.HasPrefix(arg, "-") {
			return "", false
		}
	}
	return args[len(args)-1], true
}

// fixRequested reports whether the flags of a vet protocol command line
// ask to apply fixes: go fix and go vet -fix pass -fix to the tool.
func fixRequested(args []string) bool {
	for _, arg := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name != "fix" {
			continue
		}
		if !hasValue {
			return true
		}
		on, err := strconv.ParseBool(value)
		return err == nil && on
	}
	return false
}
