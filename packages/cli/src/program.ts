import { ROLES, type Role, roleNamed } from '@saraban/store';
import { Command, InvalidArgumentError, Option } from 'commander';
import { batchCommand } from './commands/batch.js';
import { bundleCommand } from './commands/bundle.js';
import { emblemCommand } from './commands/organizations.js';
import { renderCommand } from './commands/render.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { templatesCommand } from './commands/templates.js';
import { tokensCommand } from './commands/tokens.js';
import { usersCommand } from './commands/users.js';
import { workerCommand } from './commands/worker.js';
import { builtInTemplatesDir, defaultDatabaseFile, sarabanVersion } from './defaults.js';

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('must be a whole number');
  return number;
}

/** Below this a fill thread cannot load the templates: it would fail as it starts, and fill nothing. */
const MIN_FILL_MEMORY_MB = 64;

function fillMegabytes(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < MIN_FILL_MEMORY_MB) {
    throw new InvalidArgumentError(`must be a whole number of megabytes, at least ${MIN_FILL_MEMORY_MB}`);
  }
  return number;
}

function role(value: string): Role {
  const named = roleNamed(value);
  if (!named) throw new InvalidArgumentError(`must be one of ${ROLES.map((r) => r.toLowerCase()).join(', ')}`);
  return named;
}

/**
 * The `saraban` command line.
 *
 * @example
 * await createProgram().parseAsync(['render', '--data', 'memo.json', '--out', 'memo.pdf'], { from: 'user' });
 */
export function createProgram(): Command {
  const program = new Command('saraban')
    .description('Thai government documents from structured data: GraphQL in, PDF out.')
    .version(sarabanVersion, '-V, --version', 'print the version')
    // A mistake on the command line is one line (commander's own, and where to read more), exit code 2 (bin.ts);
    // subcommands inherit both settings.
    .exitOverride()
    .configureOutput({
      outputError: (message, write) =>
        write(`${message.trim().replace(/\s*\n\s*/g, ' ')} (--help lists the options)\n`),
    });
  const templates = () => new Option('--templates <dir>', 'folder of template packages').default(builtInTemplatesDir);
  const db = () =>
    new Option('--db <file|url>', 'SQLite database file, or a postgres:// URL')
      .env('DATABASE_URL')
      .default(defaultDatabaseFile);
  const jobExpiry = () =>
    new Option(
      '--job-expiry <seconds>',
      'on PostgreSQL: how long a queued job may run before it counts as abandoned and another worker takes it (default 120)',
    ).argParser(positiveInteger);
  const zipHours = () =>
    new Option(
      '--zip-hours <hours>',
      "how long a batch job's zip is kept once written; then it is removed and its download answers 410 (default 24)",
    ).argParser(positiveInteger);
  const launchTimeout = () =>
    new Option('--launch-timeout <ms>', 'time limit for Chromium to start, in milliseconds (default 30000)').argParser(
      positiveInteger,
    );
  const printTimeout = () =>
    new Option('--print-timeout <ms>', 'time limit of one print, in milliseconds (default 30000)').argParser(
      positiveInteger,
    );
  const fillTimeout = () =>
    new Option(
      '--fill-timeout <ms>',
      'time limit of filling one template in, on a thread of its own, in milliseconds (default 10000)',
    ).argParser(positiveInteger);
  const fillMemory = () =>
    new Option(
      '--fill-memory <mb>',
      'memory one template may use to fill in, on a thread of its own, in megabytes (default 512)',
    ).argParser(fillMegabytes);
  /** The limits every command that prints takes (render, bundle, batch, serve, worker). */
  const withPrintLimits = (command: Command) =>
    command.addOption(printTimeout()).addOption(fillTimeout()).addOption(fillMemory()).addOption(launchTimeout());
  /** What both long-running printing processes (serve, worker) take: the same app opened the same way. */
  const withPrintingProcessOptions = (command: Command) =>
    withPrintLimits(command.addOption(templates()).addOption(db())).addOption(jobExpiry()).addOption(zipHours());

  const render = program
    .command('render')
    .description('print a document to PDF: a JSON file holding a DocumentInput, or a stored document')
    .option('--template <name>', "template to print with (default: the kind's template)")
    .option('--data <file.json>', 'a DocumentInput as JSON, exactly the GraphQL input')
    .option('--document <id>', 'a stored document')
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .addOption(templates())
    .addOption(db());
  withPrintLimits(render).action((options) => renderCommand(options));

  const repeated = (value: string, previous: string[] = []) => [...previous, value];
  const bundle = program
    .command('bundle')
    .description('print several documents as one PDF with a bookmark to each: a letter followed by its enclosures')
    .option('--data <file.json>', 'a DocumentInput as JSON; repeat it, first document first', repeated)
    .option('--document <id>', 'a stored document; repeat it, first document first', repeated)
    .option('--title <text>', "the PDF's title (default: the first document's subject)")
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .addOption(templates())
    .addOption(db());
  withPrintLimits(bundle).action((options) => bundleCommand(options));

  const batch = program
    .command('batch')
    .description('print one PDF per row of a CSV, JSON Lines or JSON file; failed rows go to <out>/errors.jsonl')
    .requiredOption('--template <name>', 'template to print with')
    .requiredOption(
      '--data <rows>',
      'rows.csv or rows.xlsx (a header row of dotted field names, e.g. signer.givenName), rows.jsonl or rows.json',
    )
    .requiredOption('--out <dir>', 'folder for the PDFs and errors.jsonl')
    .option('--base <file.json>', 'a DocumentInput each row is laid over (rows set only what differs)')
    .option(
      '--encoding <name>',
      "a CSV file's encoding, e.g. windows-874 (default: UTF-8, or Thai Excel's Windows-874, told apart)",
    )
    .addOption(
      new Option('--empty-cells <what>', "an empty cell keeps the base document's field, or clears it")
        .choices(['keep', 'clear'])
        .default('keep'),
    )
    .option('--name <pattern>', 'PDF file name: {row} or a field such as {bookNumber}', '{row}')
    // Four pages keep both cores busy while Node prepares the next rows: 1,000 one-page rows in 36 s, 47 s at 2.
    .option('--pool <pages>', 'Chromium pages printing at once', positiveInteger, 4)
    .addOption(templates());
  withPrintLimits(batch).action((options) => batchCommand(options));

  const serve = program
    .command('serve')
    .description('serve the GraphQL API, GraphiQL and PDF downloads over HTTP')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port to listen on (0 for any free one)').env('PORT').default('4000'))
    .option('--pool <pages>', 'Chromium pages printing at once', positiveInteger, 2)
    .option('--sample', "fill an empty database with the templates' examples", false)
    .option(
      '--cors-origin <origin>',
      'a site whose pages may call the API from a browser, e.g. https://studio.example.go.th (repeatable)',
      (origin: string, origins: string[]) => [...origins, origin],
      [] as string[],
    )
    .option('--no-worker', 'on PostgreSQL: start no Chromium and take no jobs; `saraban worker` processes print')
    .addOption(
      new Option(
        '--public-url <url>',
        'the address clients reach this server at (e.g. https://saraban.example.go.th): download URLs become absolute under it',
      ).env('SARABAN_PUBLIC_URL'),
    )
    .option('--no-graphiql', 'serve no GraphiQL page at /graphql (the API itself stays)')
    .addOption(
      new Option('--introspection <who>', 'who may query the schema (__schema, __type); the studio needs signed-in')
        .choices(['anyone', 'signed-in', 'nobody'])
        .default('anyone'),
    );
  withPrintingProcessOptions(serve).action((options) => serveCommand(options));

  const worker = program
    .command('worker')
    .description('take queued render jobs from a PostgreSQL database and print them, on any number of machines')
    .option('--pool <pages>', 'Chromium pages printing at once: the print slots', positiveInteger, 2);
  withPrintingProcessOptions(worker).action((options) => workerCommand(options));

  const templatesGroup = program.command('templates').description('list or check the template packages');
  templatesGroup
    .command('list')
    .description('list the templates that load')
    .addOption(templates())
    .action((options) => templatesCommand('list', options.templates));
  templatesGroup
    .command('check')
    .description("check every template's Handlebars and query; exits 1 on any problem, with file, line and column")
    .addOption(templates())
    .action((options) => templatesCommand('check', options.templates));

  const organizations = program.command('organizations').description("set a stored organization's fields");
  organizations
    .command('emblem')
    .description('give an organization its emblem from a PNG, JPEG or SVG file, in place of the placeholder')
    .requiredOption('--id <id>', 'the organization')
    .requiredOption('--file <image>', 'the emblem: .png, .jpg or .svg')
    .addOption(templates())
    .addOption(db())
    .action((options) => emblemCommand(options));

  const roleOption = () =>
    new Option('--role <role>', 'admin, designer (templates), staff (documents) or viewer (reading)')
      .argParser(role)
      .makeOptionMandatory();
  const users = program
    .command('users')
    .description('who may sign in to the studio, with which role; passwords are read from standard input');
  users
    .command('add <name>')
    .description('add a user; the password is asked for (or read from the first line piped in)')
    .addOption(roleOption())
    .addOption(db())
    .action((name: string, options) => usersCommand({ action: 'add', name, role: options.role }, options));
  users
    .command('list')
    .description('list the users: name, role, added')
    .addOption(db())
    .action((options) => usersCommand({ action: 'list' }, options));
  users
    .command('set-role <name> <role>')
    .description("change a user's role; their sessions go on with it at once")
    .addOption(db())
    .action((name: string, newRole: string, options) =>
      usersCommand({ action: 'set-role', name, role: role(newRole) }, options),
    );
  users
    .command('set-password <name>')
    .description("set a user's password (asked for, or piped in); signs out their sessions")
    .addOption(db())
    .action((name: string, options) => usersCommand({ action: 'set-password', name }, options));
  users
    .command('remove <name>')
    .description('remove a user and sign out their sessions')
    .addOption(db())
    .action((name: string, options) => usersCommand({ action: 'remove', name }, options));

  const tokens = program
    .command('tokens')
    .description('API tokens for integrators, sent as "Authorization: Bearer <token>"');
  tokens
    .command('create <name>')
    .description('make a token and print it, this once (the database keeps only its SHA-256)')
    .addOption(roleOption())
    .addOption(db())
    .action((name: string, options) => tokensCommand({ action: 'create', name, role: options.role }, options));
  tokens
    .command('list')
    .description('list the tokens: name, role, created, active or revoked')
    .addOption(db())
    .action((options) => tokensCommand({ action: 'list' }, options));
  tokens
    .command('revoke <name>')
    .description('stop a token working, at once')
    .addOption(db())
    .action((name: string, options) => tokensCommand({ action: 'revoke', name }, options));

  program
    .command('schema')
    .description('print the GraphQL SDL, write it to a file, or check a file is current')
    .option('--write <file>', 'write the SDL to this file')
    .option('--check <file>', 'exit 1 when this file differs from the SDL')
    .action((options) => schemaCommand(options));

  return program;
}
