/** Who is acting: a signed-in staff member, with the private key their session unlocked. */
export interface Viewer {
  userId: string;
  role: string;
  publicKey: Buffer;
  /** The user's X25519 private key, unlocked by their session. */
  secretKey: Buffer;
}
