/**
 * UUIDv5 (RFC 9562: SHA-1 of a namespace and a name): the same content always gets the same id, so
 * the same article exports the same STIX ids.
 */
import { sha1 } from '@noble/hashes/legacy.js';

/** This project's namespace for the ids of its exports (a UUIDv5 of its name in the URL namespace). */
const EXPORT_NAMESPACE = '2b5cf0f1-7d7e-5e44-9a3c-6f1c0e6a3c11';

function parse(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function uuidv5(name: string, namespace: string = EXPORT_NAMESPACE): string {
  const ns = parse(namespace);
  const n = new TextEncoder().encode(name);
  const buf = new Uint8Array(ns.length + n.length);
  buf.set(ns);
  buf.set(n, ns.length);
  const h = sha1(buf).slice(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  let s = '';
  for (const b of h) s += b.toString(16).padStart(2, '0');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
