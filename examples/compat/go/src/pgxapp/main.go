// The library application's statements with pgx v4 (Debian's golang-github-jackc-pgx-v4-dev),
// for the framework compatibility suite (examples/compat/frameworks): run against mockpg with
// frameworks/pgx.yaml and against the real PostgreSQL with frameworks/schema.sql.
package main

import (
	"context"
	"errors"
	"fmt"

	"compatcheck"

	"github.com/jackc/pgconn"
	"github.com/jackc/pgx/v4"
)

func main() {
	flags := compatcheck.Parse()
	reporter := &compatcheck.Reporter{Client: "pgx"}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, flags.URL())
	if err != nil {
		reporter.Run("connect", func() (bool, string, error) { return false, "", err })
		reporter.Exit()
	}
	defer conn.Close(ctx)

	reporter.Run("typed_query", func() (bool, string, error) {
		rows, err := conn.Query(ctx, "SELECT id, title, price FROM book WHERE price > $1 ORDER BY price DESC LIMIT $2", 5, 2)
		if err != nil {
			return false, "", err
		}
		defer rows.Close()
		seen := ""
		for rows.Next() {
			var id int64
			var title string
			var price float64
			if err := rows.Scan(&id, &title, &price); err != nil {
				return false, "", err
			}
			seen += fmt.Sprintf("%d %s %.2f;", id, title, price)
		}
		return seen == "3 Ulysses 12.00;1 Dune 9.99;", seen, rows.Err()
	})

	reporter.Run("insert_returning", func() (bool, string, error) {
		var id int64
		err := conn.QueryRow(ctx, "INSERT INTO tag (name) VALUES ($1) RETURNING id", "pgx").Scan(&id)
		return id == 2, fmt.Sprintf("id %d", id), err
	})

	reporter.Run("transaction_rollback", func() (bool, string, error) {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return false, "", err
		}
		if _, err := tx.Exec(ctx, "INSERT INTO note (body, stars) VALUES ($1, $2)", "draft", 1); err != nil {
			return false, "", err
		}
		if err := tx.Rollback(ctx); err != nil {
			return false, "", err
		}
		var kept int64
		err = conn.QueryRow(ctx, "SELECT count(*) FROM note WHERE body = $1", "draft").Scan(&kept)
		return kept == 0, fmt.Sprintf("%d kept", kept), err
	})

	reporter.Run("unique_violation", func() (bool, string, error) {
		_, err := conn.Exec(ctx, "INSERT INTO tag (name) VALUES ($1)", "fiction")
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) {
			return false, fmt.Sprintf("not a PgError: %v", err), nil
		}
		return pgErr.Code == "23505" && pgErr.ConstraintName == "tag_name_key", pgErr.Code + " " + pgErr.ConstraintName, nil
	})

	reporter.Exit()
}
