// Package libuse checks a path, then hands it to a library function that
// opens it by name (issue 13, spelling 6): fsops's table of library reads.
package libuse

import (
	"archive/zip"
	"crypto/tls"
	"errors"
	"io/fs"
	"log"
	"net/http"
	"os"
	"os/exec"
	"text/template"

	"github.com/joho/godotenv"
)

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func loadEnv(p string) error {
	if _, err := os.Stat(p); err == nil {
		return godotenv.Load(p) // want `godotenv.Load opens p after os.Stat found it present`
	}
	return nil
}

func loadEnvFiles(base, local string) (map[string]string, error) {
	if !exists(local) {
		return nil, nil
	}
	return godotenv.Read(base, local) // want `godotenv.Read opens local after libuse.exists found it present`
}

func parseTemplate(p string) (*template.Template, error) {
	if !exists(p) {
		return template.New("default"), nil
	}
	return template.ParseFiles(p) // want `template.ParseFiles opens p after libuse.exists found it present`
}

func parseTemplateMethod(p string) (*template.Template, error) {
	if !exists(p) {
		return nil, nil
	}
	return template.New("page").ParseFiles(p) // want `ParseFiles opens p after libuse.exists found it present`
}

func serve(w http.ResponseWriter, r *http.Request, p string) {
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	http.ServeFile(w, r, p) // want `http.ServeFile opens p by name after os.Lstat examined what kind of file it is`
}

func loadTLS(cert, key string) (*tls.Certificate, error) {
	if !exists(key) {
		return nil, errors.New("no key")
	}
	c, err := tls.LoadX509KeyPair(cert, key) // want `tls.LoadX509KeyPair opens key after libuse.exists found it present`
	return &c, err
}

// Dotenv wraps a library read: a use of its parameter, through the table.
func Dotenv(p string) error {
	return godotenv.Overload(p)
}

func loadThroughWrapper(p string) error {
	if exists(p) {
		return Dotenv(p) // want `libuse.Dotenv opens p after libuse.exists found it present`
	}
	return nil
}

func loadEnvTolerant(p string) error {
	if !exists(p) {
		return nil
	}
	err := godotenv.Load(p) // no diagnostic: the read's own fs.ErrNotExist is handled
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func loadEnvAlways(p string) error {
	if !exists(p) {
		log.Print("no ", p)
	}
	return godotenv.Load(p) // no diagnostic: the read runs whatever the check found
}

func loadOtherEnv(p, q string) error {
	if exists(p) {
		return godotenv.Load(q) // no diagnostic: another path
	}
	return nil
}

func loadEnvSlice(paths []string) error {
	if exists(paths[0]) {
		return godotenv.Load(paths...) // no diagnostic: the caller's own slice, whose elements are not known one by one
	}
	return nil
}

func parseEnv(p string, data []byte) (map[string]string, error) {
	if exists(p) {
		return godotenv.Parse(data) // no diagnostic: Parse reads bytes, not a path
	}
	return nil, nil
}

func run(p string) error {
	if !exists(p) {
		return errors.New("no such program")
	}
	return exec.Command(p).Run() // no diagnostic: os/exec is not in the table (executing is not reading; the check before it is exec.LookPath)
}

func openZip(p string) (*zip.ReadCloser, error) {
	return zip.OpenReader(p) // no diagnostic: nothing checked p
}

func serveChecked(w http.ResponseWriter, r *http.Request, p string) {
	if _, err := os.Stat(p); err != nil {
		log.Print("missing ", p) // the check only feeds a log line
	}
	http.ServeFile(w, r, p) // no diagnostic: the check decides nothing
}

func parseTemplateText(p, text string) (*template.Template, error) {
	if !exists(p) {
		return nil, nil
	}
	return template.New("page").Parse(text) // no diagnostic: Parse takes the template text, not a path
}
