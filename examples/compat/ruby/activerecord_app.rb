# Framework compatibility suite (examples/compat/frameworks): the library application in
# ActiveRecord (Debian's ruby-activerecord) on the pg gem (ruby-pg), asserted as ActiveRecord
# decodes it. Run against mockpg with frameworks/activerecord.yaml and against the real
# PostgreSQL with frameworks/schema.sql.
#
#   ruby activerecord_app.rb --port 5432 [--host --user --password --database]
require "optparse"
require "bigdecimal"
require "active_record"

options = { host: "127.0.0.1", user: "app", password: "app-secret", database: "frameworks" }
OptionParser.new do |parser|
  %i[host port user password database].each do |name|
    parser.on("--#{name} VALUE") { |value| options[name] = value }
  end
end.parse!
abort "--port is required" unless options[:port]

# Prints `CHECK activerecord <check> PASS|FAIL <detail>` lines; any failure makes the exit status 1.
class Reporter
  def initialize(client)
    @client = client
    @failed = 0
  end

  def run(check)
    ok, detail = yield
  rescue StandardError => e
    ok, detail = false, "#{e.class}: #{e.message}"
  ensure
    @failed += 1 unless ok
    puts "CHECK #{@client} #{check} #{ok ? 'PASS' : 'FAIL'} #{detail.to_s.split.join(' ')}".strip
  end

  def exit
    Kernel.exit(@failed.zero? ? 0 : 1)
  end
end

ActiveRecord::Base.default_timezone = :utc
ActiveRecord::Base.establish_connection(
  adapter: "postgresql", host: options[:host], port: Integer(options[:port]), username: options[:user],
  password: options[:password], database: options[:database], sslmode: "disable", pool: 2
)

class Book < ActiveRecord::Base
  self.table_name = "book"
end

class Loan < ActiveRecord::Base
  self.table_name = "loan"
  belongs_to :book
end

class Note < ActiveRecord::Base
  self.table_name = "note"
end

class Tag < ActiveRecord::Base
  self.table_name = "tag"
end

reporter = Reporter.new("activerecord")
begin
  reporter.run("query") do
    books = Book.where("price > ?", 5).order(price: :desc).limit(2).map { |book| [book.id, book.title, book.price] }
    [books == [[3, "Ulysses", BigDecimal("12.00")], [1, "Dune", BigDecimal("9.99")]], books.inspect]
  end

  reporter.run("timestamps_and_booleans") do
    loans = Loan.includes(:book).where(returned: false).order(:lent_at).map do |loan|
      [loan.id, loan.book.title, loan.lent_at, loan.returned]
    end
    want = [[2, "Emma", Time.utc(2024, 3, 1, 9, 30, 15), false]]
    [loans == want && loans.first[2].is_a?(Time), loans.inspect]
  end

  reporter.run("create_returning_id") do
    tag = Tag.create!(name: "activerecord")
    [tag.id == 2 && tag.persisted?, "id #{tag.id.inspect}"]
  end

  reporter.run("transaction_rollback") do
    Note.transaction do
      Note.create!(body: "draft", stars: 1)
      raise ActiveRecord::Rollback
    end
    kept = Note.where(body: "draft").count
    [kept.zero?, "#{kept} drafts kept"]
  end

  reporter.run("unique_violation") do
    Tag.create!(name: "fiction")
    [false, "no error"]
  rescue ActiveRecord::RecordNotUnique => e
    [e.cause.is_a?(PG::UniqueViolation) && e.cause.result.error_field(PG::Result::PG_DIAG_CONSTRAINT_NAME) == "tag_name_key",
     "#{e.class} #{e.cause.result.error_field(PG::Result::PG_DIAG_CONSTRAINT_NAME)}"]
  end
ensure
  ActiveRecord::Base.connection_handler.clear_all_connections!
end
reporter.exit
