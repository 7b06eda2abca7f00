#!/usr/bin/env bash
# Installs the browsers the tests drive (Debian's chromium and firefox-esr, with their German
# language packs) and the WebDAV servers the sync tests start (apache2 with mod_dav, rclone) when
# they are missing.
# Never downloads a browser of its own: only the distribution's packages.
set -euo pipefail
missing=()
[ -x /usr/lib/chromium/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || [ -n "${FIREFOX_PATH:-}" ] || missing+=(firefox-esr)
# The German run of the end-to-end tests needs each browser's German language pack.
[ -f /usr/lib/chromium/locales/de.pak ] || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium-l10n)
[ -f /usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi ] || [ -n "${FIREFOX_PATH:-}" ] ||
  missing+=(firefox-esr-l10n-de)
# The sync tests run the library's sync against real WebDAV servers on 127.0.0.1.
[ -x /usr/sbin/apache2 ] && [ -f /usr/lib/apache2/modules/mod_dav_fs.so ] || [ -n "${APACHE2_PATH:-}" ] || missing+=(apache2)
command -v rclone >/dev/null 2>&1 || [ -n "${RCLONE_PATH:-}" ] || missing+=(rclone)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing ${missing[*]} from the distribution's packages…"
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Cannot install ${missing[*]}: run as root, or install them yourself (apt-get install ${missing[*]})." >&2
  exit 1
fi
