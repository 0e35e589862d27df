// Package kernelfiles reads and rewrites the kernel's interfaces under
// /proc and /sys (sysctls, cgroup controls, device attributes): their
// "files" hold no content a crash can truncate, another writer's value
// is the kernel's to keep, and a temporary file cannot be renamed over
// them. Beside them, the nearest shapes that are ordinary files.
package kernelfiles

import (
	"fmt"
	"io"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
)

func enableForwarding() error {
	data, err := os.ReadFile("/proc/sys/net/ipv4/ip_forward")
	if err != nil {
		return err
	}
	if strings.TrimSpace(string(data)) == "1" {
		return nil
	}
	return os.WriteFile("/proc/sys/net/ipv4/ip_forward", append(data[:0], '1'), 0o644) // no diagnostic: a sysctl
}

func enableControllers(group string) error {
	p := filepath.Join("/sys/fs/cgroup", group, "cgroup.subtree_control")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data, []byte(" +memory")...), 0o644) // no diagnostic: a cgroup control
}

func lowerOOMScore(pid int) error {
	p := fmt.Sprintf("/proc/%d/oom_score_adj", pid)
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data, '0'), 0o644) // no diagnostic: a process attribute under /proc
}

func raiseMTU(ifname string) error {
	p := "/sys/class/net/" + ifname + "/mtu"
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data, '0'), 0o644) // no diagnostic: a device attribute under /sys
}

func setScheduler(dev string) error {
	f, err := os.Open(filepath.Join("/sys/block", dev, "queue", "scheduler"))
	if err != nil {
		return err
	}
	buf := make([]byte, 256)
	n, _ := f.Read(buf)
	f.Close()
	return os.WriteFile(filepath.Join("/sys/block", dev, "queue", "scheduler"), buf[:n], 0o644) // no diagnostic: a block device attribute
}

func tuneEither(v6 bool) error {
	p := "/proc/sys/net/ipv4/conf/all/forwarding"
	if v6 {
		p = "/proc/sys/net/ipv6/conf/all/forwarding"
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data[:0], '1'), 0o644) // no diagnostic: a sysctl on either branch
}

// The nearest reported shapes: ordinary files, a look-alike prefix, and
// a path that is a kernel file on one branch only.
func bumpConfig() error {
	data, err := os.ReadFile("/etc/app.conf")
	if err != nil {
		return err
	}
	return os.WriteFile("/etc/app.conf", append(data, '+'), 0o644) // want `os.WriteFile rewrites "/etc/app.conf" in place after os.ReadFile read it`
}

func bumpLookalike() error {
	data, err := os.ReadFile("/procedures/list")
	if err != nil {
		return err
	}
	return os.WriteFile("/procedures/list", append(data, '+'), 0o644) // want `os.WriteFile rewrites "/procedures/list" in place after os.ReadFile read it`
}

func bumpEither(sys bool) error {
	p := "/var/lib/app/state"
	if sys {
		p = "/sys/kernel/mm/ksm/run"
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data, '+'), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

// ---- the same kernel files through other spellings of the read, the
// write and the path

const overcommit = "/proc/sys/vm/overcommit_memory"

func setOvercommit() error {
	data, err := ioutil.ReadFile(overcommit)
	if err != nil {
		return err
	}
	return ioutil.WriteFile(overcommit, append(data[:0], '1'), 0o644) // no diagnostic: a sysctl, through io/ioutil
}

func coredumpFilter() error {
	p := filepath.Join("/proc", "self", "coredump_filter")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	f, err := os.Create(p) // no diagnostic: a process attribute, rewritten through os.Create
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(append(data, '3'))
	return err
}

func memoryMax(group string) error {
	p := filepath.Join("/sys/fs/cgroup", group, "memory.max")
	r, err := os.Open(p)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return err
	}
	w, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0) // no diagnostic: a cgroup control, opened with O_TRUNC
	if err != nil {
		return err
	}
	defer w.Close()
	_, err = w.Write(data)
	return err
}

func hugepages() error {
	p := filepath.Join("/sys", "kernel", "mm", "transparent_hugepage", "enabled")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data[:0], []byte("madvise")...), 0o644) // no diagnostic: /sys as the first element of a Join
}

func cgroupProcs(name string, pid int) error {
	p := fmt.Sprintf("/sys/fs/cgroup/%s/cgroup.procs", name)
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, append(data[:0], []byte(fmt.Sprint(pid))...), 0o644) // no diagnostic: a cgroup's process list, by fmt.Sprintf
}

func writeSysctl(name string, bump func([]byte) []byte) error {
	p := "/proc/sys/" + strings.ReplaceAll(name, ".", "/")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, bump(data), 0o644) // no diagnostic: any sysctl, by name
}
