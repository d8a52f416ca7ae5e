/**
 * exceljs' streaming WorkbookReader, with two bugs of exceljs 4.4.0 (the newest release) worked
 * around from the outside. Both lose data silently, and both strike Chinese rosters:
 *
 * - exceljs#3064: on Node ≥ 18 the unzipper Parse stream it pipes the file into emits 'end' as
 *   soon as its input is used up, while entries it parsed ahead (often `xl/workbook.xml`, which
 *   names the sheets) still wait in its buffer; exceljs stops reading there. The early 'end' is
 *   held back until that buffer is empty; Parse's own end of stream then ends reading as usual.
 * - exceljs#2063 / #2084: every chunk of XML is decoded on its own, so a character whose UTF-8
 *   bytes straddle two chunks turns into "��" (measured: 16 of 50 000 teachers' titles). Zip
 *   entries are set to decode as UTF-8 before exceljs reads them, and worksheets that exceljs
 *   parked in a temporary file are decoded across chunks when read back.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface WorksheetStream {
  name: string;
  rows: AsyncIterable<ExcelJS.Row>;
}

/** The internals of exceljs' reader that the workarounds touch. */
interface WorksheetReaderInternals extends AsyncIterable<ExcelJS.Row> {
  name: string;
  iterator: AsyncIterable<Buffer | string>;
}

export async function* worksheetsOf(source: Readable): AsyncGenerator<WorksheetStream> {
  // Styles are read because they are what marks a number cell as a date.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(patchZipStream(source), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const reader of workbook) {
    const worksheet = reader as unknown as WorksheetReaderInternals;
    worksheet.iterator = decodedAcrossChunks(worksheet.iterator);
    yield { name: worksheet.name, rows: worksheet };
  }
}

/** exceljs pipes its input into its zip parser; that is where the parser can be reached. */
function patchZipStream(source: Readable): Readable {
  const pipe = source.pipe.bind(source);
  source.pipe = <T extends NodeJS.WritableStream>(zip: T, options?: { end?: boolean }): T => {
    const zipStream = zip as unknown as Readable;
    const emit = zipStream.emit.bind(zipStream);
    zipStream.emit = (event: string | symbol, ...args: unknown[]) => {
      if (event === 'end' && zipStream.readableLength > 0) return false;
      if (event === 'data') (args[0] as Readable).setEncoding('utf8');
      return emit(event, ...args);
    };
    return pipe(zip, options);
  };
  return source;
}

async function* decodedAcrossChunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}
