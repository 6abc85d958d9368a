// Command ferretdb runs the FerretDB server that zhiban embeds as its default database
// (MongoDB wire protocol on SQLite files).
//
// It wraps FerretDB's embeddable package instead of building FerretDB's own command:
// that command insists on build metadata which the module proxy does not ship.
// It also guards against orphaning: when the parent process dies (its stdin pipe
// closes or it is re-parented), the server stops at once.
//
// FerretDB 1.x has no authentication on its SQLite backend, so zhiban closes the database
// with the file system instead: it listens on a Unix socket inside the data directory
// (--listen-unix, TCP off), and a umask of 077 makes every file it creates (the socket,
// SQLite files and their journals) readable and writable by the server's user only.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	handler := flag.String("handler", "sqlite", "backend handler (sqlite)")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URI, e.g. file:/abs/dir/")
	listenAddr := flag.String("listen-addr", "", "TCP listen address; empty: no TCP listener")
	listenUnix := flag.String("listen-unix", "", "Unix domain socket path; empty: no Unix listener")
	logLevel := flag.String("log-level", "error", "debug, info, warn or error")
	watchParent := flag.Bool("exit-with-parent", false, "exit when stdin closes or the parent process dies")
	// Accepted for compatibility with FerretDB's own command line; nothing to do here.
	flag.String("telemetry", "disable", "ignored: telemetry is always off")
	flag.String("state-dir", "-", "ignored: no state directory is used")
	flag.String("debug-addr", "-", "ignored: no debug listener is started")
	flag.Parse()

	// Before anything is created: files are private to this user (0600, directories 0700).
	syscall.Umask(0o077)

	if *listenAddr == "" && *listenUnix == "" {
		fmt.Fprintln(os.Stderr, "ferretdb: give --listen-unix or --listen-addr")
		os.Exit(2)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: bad --log-level %q\n", *logLevel)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listenAddr, Unix: *listenUnix},
		Logger:    logger,
		Handler:   *handler,
		SQLiteURL: *sqliteURL,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %s\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	if *watchParent {
		ctx = exitWithParent(ctx)
	}

	fmt.Fprintf(os.Stderr, "ferretdb: listening on tcp %q, unix %q\n", *listenAddr, *listenUnix)
	if err := f.Run(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %s\n", err)
		os.Exit(1)
	}
}

// exitWithParent returns a context cancelled when stdin reaches EOF (the parent's end of
// the pipe closed) or when the process is re-parented (the parent died).
func exitWithParent(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		cancel()
	}()
	go func() {
		ppid := os.Getppid()
		for ctx.Err() == nil {
			if os.Getppid() != ppid {
				cancel()
				return
			}
			time.Sleep(500 * time.Millisecond)
		}
	}()
	return ctx
}
