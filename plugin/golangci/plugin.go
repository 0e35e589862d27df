// Package golangci is the golangci-lint module plugin of toctou. Importing
// it registers the linter "toctou" with golangci-lint's plugin registry;
// a golangci-lint binary built with it (tools/gcl, or "golangci-lint
// custom" with .custom-gcl.yml) runs the toctou passes on the packages it
// lints. Enable it in .golangci.yml (version "2"):
//
//	linters:
//	  enable:
//	    - toctou
//	  settings:
//	    custom:
//	      toctou:
//	        type: module
//	        description: time-of-check to time-of-use races
//	        settings:
//	          disable: [pathrace]      # passes to turn off
//	          enable: [somepass]       # passes that are off by default
//	          flags:                   # each pass's flags, as -NAME.FLAG
//	            pathrace:
//	              tests: true
//
// Unknown settings, pass names and flag names are errors. A flag's value
// may be a string, a number, a boolean, or a list of strings (joined with
// commas). Findings are suppressed with //nolint:toctou // reason, or with
// the //toctou:ignore NAME reason directive the other drivers honor.
package golangci

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/toctou/toctou/analyzer"
	"github.com/toctou/toctou/driver"
)

// Name is the linter name in .golangci.yml and in //nolint:toctou.
const Name = "toctou"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings in .golangci.yml
// (linters.settings.custom.toctou.settings).
type Settings struct {
	// Enable lists passes that are off by default to run as well.
	Enable []string `json:"enable"`
	// Disable lists passes not to run.
	Disable []string `json:"disable"`
	// Flags sets each pass's flags: pass name, then flag name, then value.
	// The directive checker's flags are under "ignoredirective".
	Flags map[string]map[string]any `json:"flags"`
}

// Plugin is the toctou linter plugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the settings and sets the passes' flags; golangci-lint calls
// it once per configuration.
func New(conf any) (register.LinterPlugin, error) {
	settings, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("toctou settings: %w", err)
	}
	analyzers, err := Analyzers(analyzer.Passes(), settings)
	if err != nil {
		return nil, fmt.Errorf("toctou settings: %w", err)
	}
	return &Plugin{analyzers: analyzers}, nil
}

// BuildAnalyzers returns the analyzers the settings select.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the passes use go/types and SSA.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// Analyzers returns the analyzers of rows that settings select (see
// driver.Analyzers), after setting their flags. Every pass that is on by
// default runs unless disabled; a pass that is off by default runs only
// when enabled; the directive checker always runs.
func Analyzers(rows []analyzer.Pass, settings Settings) ([]*analysis.Analyzer, error) {
	byName := make(map[string]analyzer.Pass)
	for _, row := range rows {
		byName[row.Analyzer.Name] = row
	}
	known := slices.Sorted(maps.Keys(byName))
	checkNames := func(field string, names []string) error {
		for _, name := range names {
			if _, ok := byName[name]; !ok {
				return fmt.Errorf("%s: unknown pass %q (passes: %s)", field, name, strings.Join(known, ", "))
			}
		}
		return nil
	}
	if err := checkNames("enable", settings.Enable); err != nil {
		return nil, err
	}
	if err := checkNames("disable", settings.Disable); err != nil {
		return nil, err
	}
	for _, name := range settings.Enable {
		if slices.Contains(settings.Disable, name) {
			return nil, fmt.Errorf("pass %q is both enabled and disabled", name)
		}
	}

	all := driver.Analyzers(rows, func(row analyzer.Pass, a *analysis.Analyzer) *analysis.Analyzer {
		name := row.Analyzer.Name
		switch {
		case slices.Contains(settings.Enable, name):
			return driver.SkipLibraries(a)
		case slices.Contains(settings.Disable, name), !row.Default:
			return nil
		}
		// golangci-lint runs the passes on every dependency for facts;
		// on std and versioned modules they would compute none.
		return driver.SkipLibraries(a)
	})

	// Flags are set on the pass's own analyzer, whose flag variables the
	// copies share; a disabled pass's flags are still checked.
	flagSets := map[string]*flag.FlagSet{driver.CheckerName: &all[len(all)-1].Flags}
	for _, row := range rows {
		flagSets[row.Analyzer.Name] = &row.Analyzer.Flags
	}
	for _, pass := range slices.Sorted(maps.Keys(settings.Flags)) {
		fs, ok := flagSets[pass]
		if !ok {
			return nil, fmt.Errorf("flags: unknown pass %q (passes: %s)", pass, strings.Join(append(known, driver.CheckerName), ", "))
		}
		values := settings.Flags[pass]
		for _, name := range slices.Sorted(maps.Keys(values)) {
			if fs.Lookup(name) == nil {
				var names []string
				fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
				return nil, fmt.Errorf("flags: %s has no flag %q (flags: %s)", pass, name, strings.Join(names, ", "))
			}
			value, err := flagValue(values[name])
			if err != nil {
				return nil, fmt.Errorf("flags: %s.%s: %w", pass, name, err)
			}
			if err := fs.Set(name, value); err != nil {
				return nil, fmt.Errorf("flags: %s.%s: %w", pass, name, err)
			}
		}
	}
	return all, nil
}

// flagValue renders a YAML value (decoded as JSON) as a flag's text.
func flagValue(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case json.Number:
		return v.String(), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return "", fmt.Errorf("a list value must hold strings, not %T", e)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	default:
		return "", fmt.Errorf("unsupported value %v (%T)", v, v)
	}
}
