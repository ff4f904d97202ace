// Package pgtest starts a throwaway PostgreSQL cluster for tests: initdb in a temporary
// directory, a server on a free port, a fresh database per test, and everything removed
// after. PostgreSQL refuses to run as root; as root the cluster runs as the postgres user.
//
// The server binaries must be installed (Debian: postgresql, which puts them under
// /usr/lib/postgresql/<version>/bin; pg_config --bindir prints where). Without them the tests
// fail and say what to install: they do not skip.
package pgtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Cluster is a running throwaway server.
type Cluster struct {
	dir, bin, port string
	asUser         string // "postgres" when running as root
	n              atomic.Int64
}

var (
	once    sync.Once
	shared  *Cluster
	initErr error
)

// Shared returns the cluster of this test binary, starting it on first use. Call Stop from
// TestMain after the tests ran.
func Shared(tb testing.TB) *Cluster {
	tb.Helper()
	once.Do(func() { shared, initErr = start() })
	if initErr != nil {
		tb.Fatal(initErr)
	}
	return shared
}

// Stop stops the shared cluster, if it was started, and removes its files.
func Stop() {
	if shared != nil {
		shared.stop()
	}
}

// BinDir finds the PostgreSQL server binaries.
func BinDir() (string, error) {
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		dir := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir, nil
		}
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) > 0 {
		return filepath.Dir(matches[len(matches)-1]), nil
	}
	return "", fmt.Errorf("PostgreSQL server binaries not found (no initdb under pg_config --bindir or /usr/lib/postgresql/*/bin): install them, e.g. apt-get install postgresql")
}

func start() (*Cluster, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "mineralbot-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, bin: bin}
	if os.Geteuid() == 0 {
		c.asUser = "postgres"
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root, PostgreSQL needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	c.port = port
	data := filepath.Join(dir, "data")
	if out, err := c.run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"); err != nil {
		c.stop()
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	opts := fmt.Sprintf("-p %s -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", port, dir)
	if out, err := c.run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		c.stop()
		return nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
	return c, nil
}

// run runs a server binary, as the postgres user when running as root.
func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	path := filepath.Join(c.bin, name)
	var cmd *exec.Cmd
	if c.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.asUser, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = c.dir
	return cmd.CombinedOutput()
}

func (c *Cluster) stop() {
	c.run("pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "immediate", "-w", "stop")
	os.RemoveAll(c.dir)
}

// DSN is the connection string of a database of the cluster.
func (c *Cluster) DSN(db string) string {
	return fmt.Sprintf("host=127.0.0.1 port=%s user=postgres dbname=%s sslmode=disable", c.port, db)
}

// NewDB creates an empty database for one test and returns its connection string.
func (c *Cluster) NewDB(tb testing.TB) string {
	tb.Helper()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), c.n.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatal(err)
	}
	return c.DSN(name)
}

// Restart stops the server and starts it again (the data stays), for tests of an outage.
func (c *Cluster) Restart(tb testing.TB, down time.Duration) {
	tb.Helper()
	data := filepath.Join(c.dir, "data")
	if out, err := c.run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop"); err != nil {
		tb.Fatalf("pg_ctl stop: %v\n%s", err, out)
	}
	time.Sleep(down)
	opts := fmt.Sprintf("-p %s -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", c.port, c.dir)
	if out, err := c.run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(c.dir, "log"), "-w", "-t", "60", "start"); err != nil {
		tb.Fatalf("pg_ctl start: %v\n%s", err, out)
	}
}

func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	_, port, err := net.SplitHostPort(l.Addr().String())
	return port, err
}
