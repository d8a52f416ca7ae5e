/**
 * `npm run faults [-- --only worker-kill,smtp-down] [--pre 15] [--post 30] [--stuck-after 60]
 * [--mail-settle 120] [--worker-down 10] [--postgres-down 60] [--smtp-down 120]
 * [--temporal-down 0] [--case-rate 2] [--decision-rate 5]`: runs the fault scenarios against the
 * production shape started here and prints one row per scenario. Durations are in seconds.
 */
import { DEFAULT_OPTIONS, formatTable, runFaults, SCENARIOS, type FaultOptions } from './harness.js';

const numeric: Record<string, keyof FaultOptions> = {
  pre: 'preSeconds',
  post: 'postSeconds',
  'stuck-after': 'stuckAfterSeconds',
  'mail-settle': 'mailSettleSeconds',
  'worker-down': 'workerDownSeconds',
  'postgres-down': 'postgresDownSeconds',
  'smtp-down': 'smtpDownSeconds',
  'temporal-down': 'temporalDownSeconds',
  'case-rate': 'caseRatePerSecond',
  'decision-rate': 'decisionRatePerSecond',
  'max-attempts': 'maxAttempts',
};

function parse(argv: string[]): FaultOptions {
  const options: FaultOptions = { ...DEFAULT_OPTIONS, log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`) };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const name = flag.replace(/^--/, '');
    const value = inline ?? argv[(i += 1)];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (name === 'only') options.only = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (numeric[name]) {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} must be a number of seconds (or a rate), not ${value}`);
      (options as unknown as Record<string, number>)[numeric[name]] = n;
    } else throw new Error(`Unknown option ${flag}; options: --only ${SCENARIOS.map((s) => s.name).join(',')}, ${Object.keys(numeric).map((k) => `--${k}`).join(', ')}`);
  }
  return options;
}

let options: FaultOptions;
try {
  options = parse(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const rows = await runFaults(options);
console.log(`\nFault scenarios (decisions at ${options.decisionRatePerSecond}/s, cases at ${options.caseRatePerSecond}/s):\n`);
console.log(formatTable(rows));
// Temporal's native runtime keeps the event loop alive after its connections close.
process.exit(0);
