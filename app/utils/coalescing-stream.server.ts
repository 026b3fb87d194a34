import { Transform } from "node:stream";

/**
 * A pass-through that joins the chunks written to it within one turn of the event loop into one (decision 188).
 * React's streaming render writes a document in ~2 KB pieces; behind `compression` each piece was its own zlib call
 * handed to the thread pool (~16 per scan page). Everything React has ready is written in one synchronous flush, so
 * joining until the next turn sends it as one piece and still streams what comes later (a suspended part).
 */
export function coalescingStream(): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(release);
      }
      done();
    },
    flush(done) {
      release();
      done();
    },
  });
  function release() {
    scheduled = false;
    if (pending.length === 0) return;
    const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    pending = [];
    stream.push(joined);
  }
  return stream;
}
