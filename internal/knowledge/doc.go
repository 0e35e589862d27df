// Package knowledge holds what the toctou passes know about functions of
// the standard library and of common third-party libraries without
// analyzing them: tables keyed by package path, receiver type and name.
// One table answers one question for every pass; a pass never keeps a
// private copy.
//
// Today it holds exits.go, how each call that never returns ends. The
// file-system and network tables (internal/fsops, internal/netops) and
// the pure path functions (internal/pathflow) are to move here.
package knowledge
