/**
 * RFC 8493 §2.1.3: in manifest file paths only `%`, CR and LF are percent-encoded, because a manifest
 * line ends at CR/LF and `%` must stay unambiguous. Nothing else is encoded, so other `%xx`
 * sequences in a path are literal characters.
 */
export function encodeManifestPath(path: string): string {
  return path.replace(/[%\r\n]/g, (char) => (char === '%' ? '%25' : char === '\r' ? '%0D' : '%0A'));
}

export function decodeManifestPath(encoded: string): string {
  return encoded.replace(/%(25|0[aAdD])/g, (_match, code: string) =>
    code === '25' ? '%' : code.toUpperCase() === '0D' ? '\r' : '\n',
  );
}
