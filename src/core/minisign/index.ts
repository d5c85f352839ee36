// The minisign key and signature formats (https://jedisct1.github.io/minisign/), so packages
// signed here verify with `minisign -V` and keys move freely between the app, the CLI and minisign.
export { formatKeyId, randomKeyId } from './keyId';
export { encodePublicKey, encodePublicKeyBase64, parsePublicKey } from './publicKey';
export type { MinisignPublicKey, ParsePublicKeyResult } from './publicKey';
export { createSignature, DEFAULT_UNTRUSTED_COMMENT } from './createSignature';
export type { CreateSignatureOptions, Ed25519Sign } from './createSignature';
export { parseSignature } from './signatureFile';
export type { ParsedSignature, ParseSignatureResult, SignatureAlgorithm } from './signatureFile';
export { verifySignature } from './verifySignature';
export type { VerifyFailureCode, VerifySignatureOptions, VerifySignatureResult } from './verifySignature';
export { generateSigningIdentity, webCryptoSigner } from './webcrypto';
export type { PlatformCryptoKey, SigningIdentity } from './webcrypto';
export {
  decodeSecretKey,
  DEFAULT_SECRET_KEY_COMMENT,
  ENCRYPTED_SECRET_KEY_MESSAGE,
  encodeSecretKey,
  generateKeyPairBytes,
  signWithSecretKey,
} from './secretKey';
export type { DecodeSecretKeyResult, MinisignSecretKey } from './secretKey';
