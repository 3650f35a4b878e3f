/** True for an address on the portal itself: a path ("/admin", not "//elsewhere") or an absolute URL of the same origin. */
export function isSameOriginCallback(value: string, origin: string): boolean {
  if (value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) return isReadable(value);
  try {
    return new URL(value).origin === new URL(origin).origin && isReadable(value);
  } catch {
    return false;
  }
}

function isReadable(value: string): boolean {
  try {
    decodeURIComponent(value);
  } catch {
    return false;
  }
  return !/[\u0000-\u001f\u007f]/.test(value);
}
