import { describe, expect, it } from 'vitest';
import { parseMultistatus } from '../../../src/sync/webdav';

describe('reading a PROPFIND answer without an XML parser', () => {
  it('reads Apache’s (D: and lp1: prefixes) and rclone’s (d:) listings', () => {
    const apache = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/library/t1/blobs/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getlastmodified>Mon, 07 Dec 2026 05:22:39 GMT</lp1:getlastmodified></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/library/t1/blobs/ab%20c&amp;d</D:href>
<D:propstat><D:prop><lp1:resourcetype/>
<lp1:getlastmodified>Sun, 06 Dec 2026 01:00:00 GMT</lp1:getlastmodified></D:prop>
<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
</D:multistatus>`;
    expect(parseMultistatus(apache)).toEqual([
      { href: '/library/t1/blobs/', isFolder: true, modifiedAt: Date.UTC(2026, 11, 7, 5, 22, 39) },
      { href: '/library/t1/blobs/ab%20c&d', isFolder: false, modifiedAt: Date.UTC(2026, 11, 6, 1) },
    ]);
    const rclone = `<?xml version="1.0" encoding="UTF-8"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/library/blobs/ff</d:href><d:propstat><d:prop><d:resourcetype></d:resourcetype><d:getlastmodified>Sun, 06 Dec 2026 01:00:00 GMT</d:getlastmodified></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`;
    expect(parseMultistatus(rclone)).toEqual([
      { href: '/library/blobs/ff', isFolder: false, modifiedAt: Date.UTC(2026, 11, 6, 1) },
    ]);
  });

  it('gives no time for a missing or unreadable date', () => {
    const xml =
      '<multistatus xmlns="DAV:"><response><href>/x</href><getlastmodified>soon</getlastmodified></response></multistatus>';
    expect(parseMultistatus(xml)).toEqual([{ href: '/x', isFolder: false, modifiedAt: null }]);
  });
});
