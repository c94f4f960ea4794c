// Package compatcheck holds what the Go applications of the framework compatibility suite
// share: the command line (the database to use) and the CHECK line reporter.
package compatcheck

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

// Flags names the database: mockpg or the real PostgreSQL.
type Flags struct {
	Host, User, Password, Database string
	Port                           int
}

// Parse reads --host, --port, --user, --password and --database.
func Parse() Flags {
	var f Flags
	flag.StringVar(&f.Host, "host", "127.0.0.1", "host")
	flag.IntVar(&f.Port, "port", 0, "port")
	flag.StringVar(&f.User, "user", "app", "user")
	flag.StringVar(&f.Password, "password", "app-secret", "password")
	flag.StringVar(&f.Database, "database", "frameworks", "database")
	flag.Parse()
	return f
}

// URL is the libpq-style URL both drivers accept (no TLS: mockpg's default).
func (f Flags) URL() string {
	return fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=disable", f.User, f.Password, f.Host, f.Port, f.Database)
}

// Reporter prints `CHECK <client> <check> PASS|FAIL <detail>` lines.
type Reporter struct {
	Client string
	failed int
}

// Run runs one check; an error is a failure with its message.
func (r *Reporter) Run(check string, body func() (bool, string, error)) {
	ok, detail, err := body()
	if err != nil {
		ok, detail = false, err.Error()
	}
	status := "PASS"
	if !ok {
		status = "FAIL"
		r.failed++
	}
	fmt.Println(strings.TrimSpace(fmt.Sprintf("CHECK %s %s %s %s", r.Client, check, status, strings.Join(strings.Fields(detail), " "))))
}

// Exit ends the process: status 1 after any failure.
func (r *Reporter) Exit() {
	if r.failed > 0 {
		os.Exit(1)
	}
	os.Exit(0)
}
