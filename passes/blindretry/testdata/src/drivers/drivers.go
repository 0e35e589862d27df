// Package drivers holds database/sql drivers that answer a failure with
// driver.ErrBadConn, on which database/sql runs the statement again on
// another connection.
package drivers

import (
	"bufio"
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
)

type conn struct {
	nc     net.Conn
	bw     *bufio.Writer
	closed bool
}

func (c *conn) Prepare(query string) (driver.Stmt, error) { return &stmt{c: c, query: query}, nil }
func (c *conn) Close() error                              { return c.nc.Close() }
func (c *conn) Begin() (driver.Tx, error)                 { return nil, errors.New("no transactions") }

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if c.closed {
		return nil, driver.ErrBadConn // no diagnostic: nothing was sent yet, running it elsewhere is safe
	}
	if _, err := c.nc.Write([]byte(query)); err != nil {
		return nil, driver.ErrBadConn // want `\(\*drivers.conn\).ExecContext returns driver.ErrBadConn after writing to the connection; the statement may have reached the server, and database/sql then runs it again on another connection, so it can take effect twice \(return the error itself once anything was sent, and driver.ErrBadConn only before the first write\)`
	}
	buf := make([]byte, 64)
	if _, err := c.nc.Read(buf); err != nil {
		return nil, driver.ErrBadConn // want `\(\*drivers.conn\).ExecContext returns driver.ErrBadConn after writing to the connection`
	}
	return driver.RowsAffected(1), nil
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if c.closed {
		return nil, driver.ErrBadConn // no diagnostic: nothing was sent yet
	}
	if err := c.send(query); err != nil {
		return nil, fmt.Errorf("query: %w", err) // no diagnostic: the write's own error, database/sql does not run it again
	}
	return nil, nil
}

// send writes a statement through the buffered writer.
func (c *conn) send(query string) error {
	if _, err := c.bw.WriteString(query); err != nil {
		return err
	}
	return c.bw.Flush()
}

type stmt struct {
	c     *conn
	query string
}

func (s *stmt) Close() error  { return nil }
func (s *stmt) NumInput() int { return -1 }

func (s *stmt) Exec(args []driver.Value) (driver.Result, error) {
	if err := s.c.send(s.query); err != nil {
		return nil, driver.ErrBadConn // want `\(\*drivers.stmt\).Exec returns driver.ErrBadConn after writing to the connection`
	}
	return driver.RowsAffected(1), nil
}

func (s *stmt) Query(args []driver.Value) (driver.Rows, error) {
	return nil, errors.New("not supported")
}

// ---- a driver that wraps another

type wrapConn struct{ inner driver.ExecerContext }

func (w *wrapConn) Prepare(query string) (driver.Stmt, error) { return nil, errors.New("no") }
func (w *wrapConn) Close() error                              { return nil }
func (w *wrapConn) Begin() (driver.Tx, error)                 { return nil, errors.New("no") }

func (w *wrapConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	res, err := w.inner.ExecContext(ctx, query, args)
	if err != nil {
		return nil, driver.ErrBadConn // want `\(\*drivers.wrapConn\).ExecContext returns driver.ErrBadConn after the wrapped connection ran the statement`
	}
	return res, nil
}

type passConn struct{ inner driver.ExecerContext }

func (w *passConn) Prepare(query string) (driver.Stmt, error) { return nil, errors.New("no") }
func (w *passConn) Close() error                              { return nil }
func (w *passConn) Begin() (driver.Tx, error)                 { return nil, errors.New("no") }

func (w *passConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	res, err := w.inner.ExecContext(ctx, query, args)
	if errors.Is(err, driver.ErrBadConn) {
		return nil, driver.ErrBadConn // no diagnostic: the wrapped driver's own verdict, passed on
	}
	return res, err
}

// ---- not a driver's statement method

type pool struct{ nc net.Conn }

func (p *pool) Ping(msg string) error {
	if _, err := p.nc.Write([]byte(msg)); err != nil {
		return driver.ErrBadConn // no diagnostic: a ping runs no statement
	}
	return nil
}

// ---- through a helper of the package

type helperStmt struct{ c *conn }

func (s *helperStmt) Close() error  { return nil }
func (s *helperStmt) NumInput() int { return -1 }

func (s *helperStmt) Exec(args []driver.Value) (driver.Result, error) {
	if err := s.c.writeCommand("EXEC"); err != nil {
		return nil, err
	}
	return driver.RowsAffected(1), nil
}

func (s *helperStmt) Query(args []driver.Value) (driver.Rows, error) { return nil, errors.New("no") }

func (c *conn) writeCommand(cmd string) error {
	if _, err := c.nc.Write([]byte(cmd)); err != nil {
		c.closed = true
		return driver.ErrBadConn // want `\(\*drivers.conn\).writeCommand returns driver.ErrBadConn after writing to the connection`
	}
	return nil
}
