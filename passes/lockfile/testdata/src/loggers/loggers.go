// Package loggers ends the process through the common logging libraries:
// internal/knowledge's exits table says which calls exit without running
// deferred calls.
package loggers

import (
	"os"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

const excl = os.O_WRONLY | os.O_CREATE | os.O_EXCL

func work() error { return nil }

func zapFatal(log *zap.Logger, lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		log.Fatal(err.Error())
	}
	f.Close()
	defer os.Remove(lockPath)
	if err := work(); err != nil {
		log.Fatal(err.Error()) // want `\(\*Logger\).Fatal exits without running the deferred removal of lock file lockPath, which os.OpenFile acquired`
	}
}

func klogFatal(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		klog.Fatalf("lock: %v", err)
	}
	f.Close()
	defer os.Remove(lockPath)
	if err := work(); err != nil {
		klog.Fatalf("work: %v", err) // want `klog.Fatalf exits without running the deferred removal of lock file lockPath, which os.OpenFile acquired`
	}
}

func logrusFatal(lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		logrus.Fatal(err)
	}
	f.Close()
	defer os.Remove(lockPath)
	if err := work(); err != nil {
		logrus.Fatal(err) // want `logrus.Fatal exits without running the deferred removal of lock file lockPath, which os.OpenFile acquired`
	}
}

func zapPanic(log *zap.Logger, lockPath string) {
	f, err := os.OpenFile(lockPath, excl, 0o600)
	if err != nil {
		return
	}
	f.Close()
	defer os.Remove(lockPath)
	if err := work(); err != nil {
		log.Panic(err.Error()) // no diagnostic: a panic runs the deferred removal
	}
}
