// Package clientv3 is a stub of go.etcd.io/etcd/client/v3: the KV and Txn
// API shapes the tests need.
package clientv3

import "context"

type OpOption func(*Op)

type Op struct{}

type Cmp struct{}

type PutResponse struct{}

type GetResponse struct{}

type TxnResponse struct{ Succeeded bool }

type KV interface {
	Put(ctx context.Context, key, val string, opts ...OpOption) (*PutResponse, error)
	Get(ctx context.Context, key string, opts ...OpOption) (*GetResponse, error)
	Txn(ctx context.Context) Txn
}

type Txn interface {
	If(cs ...Cmp) Txn
	Then(ops ...Op) Txn
	Else(ops ...Op) Txn
	Commit() (*TxnResponse, error)
}

type Client struct {
	KV
}

func Compare(v Cmp, result string, value any) Cmp { return v }
func Value(key string) Cmp                        { return Cmp{} }
func OpPut(key, val string, opts ...OpOption) Op  { return Op{} }
