package onerace

import "os"

// oneRacePerCheck: one Lstat decides three reads; it is one race, reported
// once at the first read, with the other reads as related locations.
func oneRacePerCheck(p string, mode int) ([]byte, error) {
	if _, err := os.Lstat(p); err != nil {
		return nil, err
	}
	switch mode {
	case 0:
		return os.ReadFile(p) // want `os.ReadFile opens p after os.Lstat found it present`
	case 1:
		f, err := os.Open(p) // no diagnostic: the same race, a related location of the report above
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return nil, nil
	default:
		return os.ReadFile(p) // no diagnostic: the same race again
	}
}
