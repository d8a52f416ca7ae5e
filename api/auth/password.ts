/** Passwords are stored as scrypt hashes (N=2^15, r=8, p=1) with a random salt. */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${PARAMS.N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): ParsedHash | undefined {
  const [scheme, n, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || Number(n) !== PARAMS.N || !salt || !key) return undefined;
  return { salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

// Made once per process: its only use is to cost what a real hash costs.
const dummy: ParsedHash = { salt: randomBytes(16), key: randomBytes(KEY_LENGTH) };

/**
 * Whether the password matches the stored hash. Without a usable hash (no such login, an inactive
 * one, an imported official without a password) it still runs scrypt once, on a dummy, and answers
 * false: every refusal costs what a wrong password costs, so timing does not tell which logins exist.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parsed = stored === undefined ? undefined : parse(stored);
  const { salt, key } = parsed ?? dummy;
  const actual = await derive(password, salt);
  return parsed !== undefined && actual.length === key.length && timingSafeEqual(actual, key);
}
