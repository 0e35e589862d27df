// Package xdg stubs github.com/adrg/xdg: the XDG base directories.
package xdg

var (
	ConfigHome string
	DataHome   string
	StateHome  string
	CacheHome  string
	RuntimeDir string
)

func ConfigFile(relPath string) (string, error)       { return ConfigHome + "/" + relPath, nil }
func StateFile(relPath string) (string, error)        { return StateHome + "/" + relPath, nil }
func RuntimeFile(relPath string) (string, error)      { return RuntimeDir + "/" + relPath, nil }
func SearchConfigFile(relPath string) (string, error) { return "/etc/xdg/" + relPath, nil }
