// Decision 188: the document's pieces written in one go leave as one chunk; later pieces still stream.
import { describe, expect, it } from "vitest";
import { coalescingStream } from "./coalescing-stream.server";

function collect(stream: NodeJS.ReadableStream): { chunks: string[]; done: Promise<void> } {
  const chunks: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
    stream.on("end", () => resolve());
    stream.on("error", reject);
  });
  return { chunks, done };
}

describe("the coalescing stream", () => {
  it("sends what is written in one turn as one chunk, in order", async () => {
    const stream = coalescingStream();
    const { chunks, done } = collect(stream);
    for (let i = 0; i < 20; i++) stream.write(Buffer.from(`<p>${i}</p>`));
    stream.end();
    await done;
    expect(chunks).toEqual([Array.from({ length: 20 }, (_, i) => `<p>${i}</p>`).join("")]);
  });

  it("still sends a later piece as soon as it is written, before the end", async () => {
    const stream = coalescingStream();
    const { chunks, done } = collect(stream);
    stream.write(Buffer.from("<head>"));
    stream.write(Buffer.from("<body>"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chunks).toEqual(["<head><body>"]);
    stream.write(Buffer.from("<template>later</template>"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chunks).toEqual(["<head><body>", "<template>later</template>"]);
    stream.end(Buffer.from("</html>"));
    await done;
    expect(chunks.join("")).toBe("<head><body><template>later</template></html>");
  });
});
