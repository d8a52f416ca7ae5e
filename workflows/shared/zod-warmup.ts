/**
 * Loaded once per workflow thread, with zod, before the SDK deep-freezes what was preloaded
 * (`preloadModules` in worker/worker.ts). zod fills some of its module-wide state on first use:
 * the default locale and memoizer in its global config, and whether `new Function` is allowed.
 * Once frozen, those first writes would throw inside a workflow, so one small parse here, passing
 * and failing, makes them before the freeze. Nothing is exported: the schemas built here must not
 * be shared, since zod completes a schema lazily and a frozen one cannot be completed.
 */
import { z } from 'zod';

const warmup = z.object({ id: z.uuid(), name: z.string().trim().min(1).max(10), count: z.number().int().min(0), tags: z.array(z.enum(['A', 'B'])).optional() });
warmup.safeParse({ id: '00000000-0000-4000-8000-000000000000', name: 'x', count: 1, tags: ['A'] });
warmup.safeParse({ id: 'not-a-uuid', name: '', count: -1.5, tags: ['C'] });
