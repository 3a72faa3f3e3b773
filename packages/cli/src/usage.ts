/**
 * What `conversation-kit --help` prints.
 *
 * @example
 * output.out(USAGE);
 */
export const USAGE = `Usage: conversation-kit <command> [options]

Closes, snoozes, opens, assigns and unassigns Intercom conversations in bulk, from a CSV or JSON
Lines file of actions: with progress, a journal that makes runs resumable, and a dry run.

Commands:
  run <file>        run the actions of a file (see conversation-kit run --help)
  help [command]    show this help, or a command's

Options:
  -h, --help        show this help
  -v, --version     show the version`;

/**
 * What `conversation-kit run --help` prints.
 *
 * @example
 * output.out(RUN_USAGE);
 */
export const RUN_USAGE = `Usage: conversation-kit run <file> [options]

Runs every action of <file>, a CSV file with a header row (columns id, action, adminId, until,
assigneeType, assigneeId, from, message; only id and action are required) or JSON Lines (one
{"id", "action", ...} object per line). Every line is validated before anything is sent; an
invalid line stops the run before it starts, unless --skip-invalid.

Where to send:
  --region <us|eu|au>    Intercom's region (default us)
  --base-url <url>       another server, such as a proxy, instead of --region
  --token-env <name>     the environment variable holding the access token (default
                         INTERCOM_TOKEN); the token is never read from a flag
  --fake                 rehearse against a local fake of Intercom: nothing reaches Intercom
                         (--region, --base-url and --token-env are then unused)

What to send:
  --dry-run              validate, print the plan, and send nothing
  --skip-invalid         send the valid lines even when some are invalid
  --concurrency <n>      actions in flight at once, 1 to 64 (default 4); the rate limit
                         paces them either way
  --format <csv|jsonl>   the file's format (default: from its extension)

Journal and report:
  --journal <file>       where the run records each line, so that running the same command
                         again resumes (default <file>.journal; <file>.rehearsal.journal
                         with --fake)
  --no-journal           keep no journal: running again sends every line again
  --resend-ambiguous     send again the lines an earlier run may have applied although they
                         post a message; the message may then be posted twice
  --report <file>        write every line's outcome to a .json or a .csv file

Ctrl-C once stops starting lines and lets those in flight finish; twice aborts them.
Exit codes: 0 every line succeeded, 1 some did not, 2 bad input or usage (nothing sent),
130 interrupted.

Examples:
  conversation-kit run reassign.csv --dry-run
  read -rs INTERCOM_TOKEN && export INTERCOM_TOKEN
  conversation-kit run reassign.csv --region eu --report outcome.csv`;
