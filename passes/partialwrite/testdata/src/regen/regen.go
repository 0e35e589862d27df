// Package regen has reads that fall back to a fresh value, written in
// place of the file when it was missing or could not be parsed: the bytes
// written do not come from the bytes read, so no update is lost by the
// write. Beside them, the nearest shapes that do rewrite what they read.
package regen

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
)

type config struct {
	ID    string
	Count int
}

func defaults() config { return config{ID: "new"} }

func newKey() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}

func parseKey(b []byte) ([]byte, error) {
	if len(b) != 32 {
		return nil, errors.New("bad key")
	}
	return b, nil
}

// loadOrCreateConfig unmarshals into cfg, and overwrites cfg with the
// defaults when the file is missing or unparsable.
func loadOrCreateConfig(p string) (config, error) {
	var cfg config
	data, err := os.ReadFile(p)
	if err == nil {
		err = json.Unmarshal(data, &cfg)
	}
	if err == nil {
		return cfg, nil
	}
	cfg = defaults()
	out, err := json.Marshal(cfg)
	if err != nil {
		return cfg, err
	}
	return cfg, os.WriteFile(p, out, 0o644) // no diagnostic: written only when the read or the parse of what it read failed
}

// loadOrCreateKey parses the key and makes a new one when there is none
// or it is malformed.
func loadOrCreateKey(p string) ([]byte, error) {
	data, err := os.ReadFile(p)
	if err == nil {
		key, err := parseKey(data)
		if err == nil {
			return key, nil
		}
	}
	key := newKey()
	return key, os.WriteFile(p, key, 0o600) // no diagnostic: a fresh key, written when the file was missing or malformed
}

// loadOrCreateHex decodes a hex token, regenerating it when decoding
// fails.
func loadOrCreateHex(p string) (string, error) {
	var tok []byte
	data, err := os.ReadFile(p)
	if err == nil {
		tok, err = hex.DecodeString(string(data))
	}
	if err != nil {
		tok = newKey()
		if err := os.WriteFile(p, []byte(hex.EncodeToString(tok)), 0o600); err != nil { // no diagnostic: regenerated when the read or the decode failed
			return "", err
		}
	}
	return hex.EncodeToString(tok), nil
}

// ---- the nearest shapes: the write keeps what was read

// bumpOrCreate updates a parsed config, or writes the defaults: on the
// success path the written bytes come from the read.
func bumpOrCreate(p string) error {
	var cfg config
	data, err := os.ReadFile(p)
	if err == nil {
		err = json.Unmarshal(data, &cfg)
	}
	if err != nil {
		cfg = defaults()
	}
	cfg.Count++
	out, err := json.Marshal(cfg)
	if err != nil {
		return err
	}
	return os.WriteFile(p, out, 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

// repairPartial keeps what a failed parse filled in: the write runs after
// the parse failed, but its bytes come from the file.
func repairPartial(p string) error {
	var cfg config
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		cfg.Count = 0
		out, _ := json.Marshal(cfg)
		return os.WriteFile(p, out, 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
	}
	return nil
}

// appendOnParseError writes the old bytes back with a marker when the
// parse fails.
func appendOnParseError(p string) error {
	var cfg config
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		return os.WriteFile(p, append(data, '\n'), 0o644) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
	}
	return nil
}

func save(p string, c *config) error {
	out, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return os.WriteFile(p, out, 0o644)
}

// loadOrCreateSave writes the defaults through a helper given &cfg.
func loadOrCreateSave(p string) (config, error) {
	var cfg config
	if data, err := os.ReadFile(p); err == nil {
		if json.Unmarshal(data, &cfg) == nil {
			return cfg, nil
		}
	}
	cfg = defaults()
	return cfg, save(p, &cfg) // no diagnostic: save writes the defaults, not what was read
}

// bumpSave updates what it read through the same helper.
func bumpSave(p string) error {
	var cfg config
	if data, err := os.ReadFile(p); err == nil {
		json.Unmarshal(data, &cfg)
	}
	cfg.Count++
	return save(p, &cfg) // want `save rewrites p in place after os.ReadFile read it`
}

// ---- a struct regenerated field by field

type keyPair struct {
	secret []byte
	serial uint64
}

func (k *keyPair) decode(b []byte) error {
	var w struct {
		Secret []byte
		Serial uint64
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	k.secret, k.serial = w.Secret, w.Serial
	return nil
}

func (k *keyPair) encode() ([]byte, error) {
	return json.Marshal(struct {
		Secret []byte
		Serial uint64
	}{k.secret, k.serial})
}

func nextSerial() uint64 { return 7 }

// loadOrMakeKeyPair decodes into kp through its method and, when the
// file is missing or does not decode, gives every field of kp a fresh
// value before encoding and writing it.
func loadOrMakeKeyPair(p string) (*keyPair, error) {
	var kp keyPair
	b, err := os.ReadFile(p)
	if err == nil {
		if err := kp.decode(b); err == nil {
			return &kp, nil
		}
	}
	kp.secret = newKey()
	kp.serial = nextSerial()
	b, err = kp.encode()
	if err != nil {
		return nil, err
	}
	return &kp, os.WriteFile(p, b, 0o600) // no diagnostic: every field of kp is overwritten with a fresh value after the failed decode
}

// renewSecret keeps the serial it read and replaces only the secret: the
// written bytes still carry what was read.
func renewSecret(p string) error {
	var kp keyPair
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if err := kp.decode(b); err != nil {
		return err
	}
	kp.secret = newKey()
	b, err = kp.encode()
	if err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o600) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}

// rotateIfAsked overwrites every field on one branch only: on the other
// the decoded pair is written back.
func rotateIfAsked(p string, rotate bool) error {
	var kp keyPair
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if err := kp.decode(b); err != nil {
		return err
	}
	if rotate {
		kp.secret = newKey()
		kp.serial = nextSerial()
	}
	b, err = kp.encode()
	if err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o600) // want `os.WriteFile rewrites p in place after os.ReadFile read it`
}
