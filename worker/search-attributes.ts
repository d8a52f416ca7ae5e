/**
 * Registers the case search attributes on a Temporal server. The dev server gets them on its
 * command line; clusters and the time-skipping test server get them through the operator API
 * (Temporal Cloud manages them in its console instead, so a refusal there only warns).
 */
import { isGrpcServiceError, type Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { searchAttributes } from '../workflows/constants.js';

// A CommonJS module: Node's ESM loader offers only its default export.
const KEYWORD = proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
const ALREADY_EXISTS = 6;

export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const wanted = Object.fromEntries(Object.values(searchAttributes).map((key) => [key.name, KEYWORD]));
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: wanted });
  } catch (err) {
    if (isGrpcServiceError(err) && err.code === ALREADY_EXISTS) return;
    console.warn(`Could not register search attributes ${Object.keys(wanted).join(', ')}: ${String(err)}`);
  }
}
