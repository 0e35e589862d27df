package ssakit

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// CallGraph is the static call graph of a list of functions (one
// package's, from ssabuild), split into strongly connected components in
// bottom-up order: every component comes after the components of the
// functions it calls. It is what BottomUp walks.
//
// An edge goes from f to g when f's body, or the body of a function
// literal written in f, calls g statically or refers to g as a value (a
// callback handed to a helper, a method value); only functions of the
// list are nodes, so calls into other packages, which the passes know
// through facts and tables, add nothing. Interface and dynamic calls add
// no edge: no summary is read through them.
type CallGraph struct {
	sccs    [][]*ssa.Function                 // bottom-up; each in the list's order
	callers map[*ssa.Function][]*ssa.Function // within the same component only
	self    map[*ssa.Function]bool            // calls itself
}

// NewCallGraph builds the call graph of fns. Its cost is one pass over
// the instructions of the functions, plus Tarjan's algorithm, linear in
// the edges. The order is deterministic: the list's order decides it.
func NewCallGraph(fns []*ssa.Function) *CallGraph {
	index := make(map[*ssa.Function]int, len(fns))
	for i, fn := range fns {
		if _, dup := index[fn]; !dup {
			index[fn] = i
		}
	}
	succs := make([][]int, len(fns))
	for i, fn := range fns {
		if index[fn] != i {
			continue // a duplicate entry: the first one stands for it
		}
		seen := map[int]bool{}
		var walk func(body *ssa.Function)
		walk = func(body *ssa.Function) {
			funcRefs(body, func(_ ssa.Instruction, _ *ssa.Value, g *ssa.Function) {
				if j, ok := index[g]; ok && !seen[j] {
					seen[j] = true
					succs[i] = append(succs[i], j)
				}
			})
			for _, anon := range body.AnonFuncs {
				walk(anon)
			}
		}
		walk(fn)
		slices.Sort(succs[i])
	}

	g := &CallGraph{callers: make(map[*ssa.Function][]*ssa.Function), self: make(map[*ssa.Function]bool)}
	// Tarjan's algorithm, iterative so that a long chain of helpers
	// does not grow the stack; components come out callees first.
	const unvisited = -1
	num := make([]int, len(fns))
	low := make([]int, len(fns))
	onStack := make([]bool, len(fns))
	for i := range num {
		num[i] = unvisited
	}
	var stack []int
	type frame struct{ v, next int }
	counter := 0
	for root := range fns {
		if num[root] != unvisited || index[fns[root]] != root {
			continue
		}
		dfs := []frame{{v: root}}
		num[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(dfs) > 0 {
			top := &dfs[len(dfs)-1]
			v := top.v
			if top.next < len(succs[v]) {
				w := succs[v][top.next]
				top.next++
				switch {
				case num[w] == unvisited:
					num[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					dfs = append(dfs, frame{v: w})
				case onStack[w]:
					low[v] = min(low[v], num[w])
				}
				continue
			}
			dfs = dfs[:len(dfs)-1]
			if len(dfs) > 0 {
				u := dfs[len(dfs)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] != num[v] {
				continue
			}
			var members []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				members = append(members, w)
				if w == v {
					break
				}
			}
			slices.Sort(members)
			scc := make([]*ssa.Function, len(members))
			in := make(map[int]bool, len(members))
			for k, m := range members {
				scc[k] = fns[m]
				in[m] = true
			}
			for _, m := range members {
				for _, w := range succs[m] {
					switch {
					case w == m:
						g.self[fns[m]] = true
					case in[w]:
						g.callers[fns[w]] = append(g.callers[fns[w]], fns[m])
					}
				}
			}
			g.sccs = append(g.sccs, scc)
		}
	}
	return g
}

// Components returns the strongly connected components, callees first.
func (g *CallGraph) Components() [][]*ssa.Function { return g.sccs }

// BottomUp computes per-function summaries: it calls transfer on every
// function of the graph, the functions a function calls before it, so that
// a summary built on other summaries (a wrapper of a wrapper, ten deep or
// a hundred) is complete after one visit when there is no recursion.
// Inside a component of mutually recursive functions, a worklist runs
// transfer again on the callers (in the component) of every function
// whose summary changed, until nothing changes: there is no round cap.
//
// transfer computes fn's summary from fn's body and the summaries of its
// callees, stores it, and reports whether it changed. Summaries that only
// grow (a monotone transfer over finite facts) reach their fixed point;
// as a guard against a transfer that could flip forever, a component
// stops after 64 changes per function, which no monotone summary of the
// passes comes near.
func BottomUp(g *CallGraph, transfer func(fn *ssa.Function) bool) {
	for _, scc := range g.sccs {
		if len(scc) == 1 && !g.self[scc[0]] {
			transfer(scc[0])
			continue
		}
		queued := make(map[*ssa.Function]bool, len(scc))
		work := slices.Clone(scc)
		for _, fn := range scc {
			queued[fn] = true
		}
		budget := 64 * len(scc)
		for len(work) > 0 {
			fn := work[0]
			work = work[1:]
			queued[fn] = false
			if !transfer(fn) {
				continue
			}
			if budget--; budget < 0 {
				break
			}
			requeue := g.callers[fn]
			if g.self[fn] {
				requeue = append([]*ssa.Function{fn}, requeue...)
			}
			for _, c := range requeue {
				if !queued[c] {
					queued[c] = true
					work = append(work, c)
				}
			}
		}
	}
}
