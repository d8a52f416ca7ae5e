/** Hosts the real app on an ephemeral port and speaks to it as a client would. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import { createApp } from '../../api/app.js';
import type { ImportLimits, LoginLimits } from '../../config/env.js';
import { policyConfig } from '../../policy/config.js';
import type { Db } from '../../prisma/client.js';
import { TEST_PASSWORD } from './org.js';

export interface TestApi {
  url: string;
  close(): Promise<void>;
}

export async function startTestApi(deps: { db: Db; temporal: Client; taskQueue: string; decisionTimeoutMs?: number; consoleDir?: string; orgDataUploadDir?: string; importLimits?: ImportLimits; mailMaxPendingAgeMs?: number; loginLimits?: LoginLimits; trustProxy?: string[] }): Promise<TestApi> {
  const app = createApp({ ...deps, config: policyConfig, sessionTtlHours: 1, decisionTimeoutMs: deps.decisionTimeoutMs ?? 10_000 });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

export async function call<T = any>(api: TestApi, method: string, path: string, options: { token?: string; body?: unknown; lang?: string } = {}): Promise<JsonResponse<T>> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.lang ? { 'accept-language': options.lang } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export async function login(api: TestApi, loginName: string): Promise<string> {
  const { status, body } = await call<{ token: string }>(api, 'POST', '/api/auth/login', { body: { login: loginName, password: TEST_PASSWORD } });
  if (status !== 200) throw new Error(`login ${loginName} failed: ${status} ${JSON.stringify(body)}`);
  return body.token;
}
