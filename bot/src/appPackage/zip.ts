import JSZip from 'jszip';

export interface ZipEntry {
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * One timestamp for every entry, so the same inputs give the same zip, byte for byte: a package can be compared
 * with the one that was uploaded, and rebuilding changes nothing.
 */
const ENTRY_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

/** Zips the entries flat, in the order given (manifest.json first), deflated. */
export async function zipEntries(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const entry of entries) zip.file(entry.name, entry.bytes, { date: ENTRY_DATE, createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}

/** Reads a zip back into its files (for the self-check after writing, and for tests). */
export async function unzipEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir) files.set(name, await file.async('nodebuffer'));
  }
  return files;
}
