// The library application's statements with database/sql and lib/pq (Debian's
// golang-github-lib-pq-dev), for the framework compatibility suite (examples/compat/frameworks):
// run against mockpg with frameworks/pq.yaml and against the real PostgreSQL with
// frameworks/schema.sql.
package main

import (
	"database/sql"
	"errors"
	"fmt"

	"compatcheck"

	"github.com/lib/pq"
)

func main() {
	flags := compatcheck.Parse()
	reporter := &compatcheck.Reporter{Client: "lib-pq"}
	db, err := sql.Open("postgres", flags.URL())
	if err != nil {
		reporter.Run("connect", func() (bool, string, error) { return false, "", err })
		reporter.Exit()
	}
	defer db.Close()

	reporter.Run("typed_query", func() (bool, string, error) {
		rows, err := db.Query("SELECT id, title, price FROM book WHERE price > $1 ORDER BY price DESC LIMIT $2", 5, 2)
		if err != nil {
			return false, "", err
		}
		defer rows.Close()
		seen := ""
		for rows.Next() {
			var id int64
			var title, price string
			if err := rows.Scan(&id, &title, &price); err != nil {
				return false, "", err
			}
			seen += fmt.Sprintf("%d %s %s;", id, title, price)
		}
		return seen == "3 Ulysses 12.00;1 Dune 9.99;", seen, rows.Err()
	})

	reporter.Run("insert_returning", func() (bool, string, error) {
		var id int64
		err := db.QueryRow("INSERT INTO tag (name) VALUES ($1) RETURNING id", "lib-pq").Scan(&id)
		return id == 2, fmt.Sprintf("id %d", id), err
	})

	reporter.Run("transaction_rollback", func() (bool, string, error) {
		tx, err := db.Begin()
		if err != nil {
			return false, "", err
		}
		if _, err := tx.Exec("INSERT INTO note (body, stars) VALUES ($1, $2)", "draft", 1); err != nil {
			return false, "", err
		}
		if err := tx.Rollback(); err != nil {
			return false, "", err
		}
		var kept int64
		err = db.QueryRow("SELECT count(*) FROM note WHERE body = $1", "draft").Scan(&kept)
		return kept == 0, fmt.Sprintf("%d kept", kept), err
	})

	reporter.Run("unique_violation", func() (bool, string, error) {
		_, err := db.Exec("INSERT INTO tag (name) VALUES ($1)", "fiction")
		var pqErr *pq.Error
		if !errors.As(err, &pqErr) {
			return false, fmt.Sprintf("not a pq.Error: %v", err), nil
		}
		return pqErr.Code == "23505" && pqErr.Constraint == "tag_name_key", string(pqErr.Code) + " " + pqErr.Constraint, nil
	})

	reporter.Exit()
}
