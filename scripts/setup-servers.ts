// Prebuilds both Temporal servers (e.g. in CI, before tests) so no test run pays for the build.
import { ensureTemporalCli, ensureTestServer, TEMPORAL_CLI_VERSION, TEST_SERVER_VERSION } from './temporal-servers.js';

async function timed(name: string, ensure: () => Promise<string | undefined>): Promise<void> {
  const started = Date.now();
  const path = await ensure();
  const took = `${((Date.now() - started) / 1000).toFixed(1)}s`;
  console.log(`${name}: ${path ?? 'unavailable here; @temporalio/testing will download it (needs internet)'} (${took})`);
}

await timed(`temporal CLI ${TEMPORAL_CLI_VERSION}`, ensureTemporalCli);
await timed(`temporal-test-server ${TEST_SERVER_VERSION}`, ensureTestServer);
