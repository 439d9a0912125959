import type { DeltaEvent } from "@openclaw-cloud/model-server";
import { readSse, type LocalStack } from "@openclaw-cloud/local-stack";
import { gapDeviations, median, percentile } from "./stats.ts";

/** Where a turn is sent: the runtime's route or a gateway's own endpoint. */
export interface ChatTarget {
  url: string;
  headers: Record<string, string>;
}

export interface ChatOptions {
  /** Each pair is one turn through the runtime and one direct, in alternating order. */
  pairs: number;
  /** Filler words the model streams per turn, one delta each. */
  words: number;
}

/** Medians of one kind of turn. */
export interface TurnStats {
  ttftMs: number;
  /** Request to response headers, which the gateway sends before the agent runs: the path's round trip. */
  headMs: number;
  /** Model server writing the first delta to the client reading it: the path's way out. */
  firstDeltaDelayMs: number;
  totalMs: number;
  /** Median over turns of each turn's p95 |client gap - model gap|. */
  gapP95Ms: number;
}

export interface ChatResult {
  /** Median over pairs of (runtime TTFT - direct TTFT). */
  ttftOverheadMs: number;
  /** 25th and 75th percentile of those differences: how noisy the median is. */
  ttftOverheadQuartilesMs: [number, number];
  /** Median over pairs of (runtime turn time / direct turn time). */
  totalRatio: number;
  runtime: TurnStats;
  direct: TurnStats;
  deltasPerTurn: number;
  /** Turns whose client deltas could not be matched one to one with a model request. */
  unmatchedTurns: number;
}

interface Turn {
  ttftMs: number;
  headMs: number;
  totalMs: number;
  /** Null when the turn's deltas did not match the model's one to one. */
  firstDeltaDelayMs: number | null;
  gapP95Ms: number | null;
  deltas: number;
}

const DELTA_EVENT = "response.output_text.delta";

/**
 * Sends `turns` turns to a freshly started gateway, whose first turns are slow, and
 * returns the very first one's time to first delta.
 */
export async function warmUp(target: ChatTarget, turns: number): Promise<number> {
  let firstTtftMs = Number.NaN;
  for (let i = 0; i < turns; i++) {
    const turn = await streamTurn(target, `warm-up turn ${i + 1} [words:5]`, []);
    if (i === 0) firstTtftMs = turn.ttftMs;
  }
  return firstTtftMs;
}

/**
 * Streams the same kind of turn through the platform and straight to the very gateway it
 * reaches, interleaved, and compares them pair by pair: the difference is the path's own.
 */
export async function measureChat(stack: LocalStack, runtime: ChatTarget, direct: ChatTarget, options: ChatOptions): Promise<ChatResult> {
  const modelDeltas: DeltaEvent[] = [];
  const unsubscribe = stack.model.on("delta", (event) => modelDeltas.push(event));
  try {
    let turnNumber = 0;
    const turn = (target: ChatTarget) => streamTurn(target, `bench turn ${++turnNumber} [words:${options.words}]`, modelDeltas);
    const runtimeTurns: Turn[] = [];
    const directTurns: Turn[] = [];
    for (let pair = 0; pair < options.pairs; pair++) {
      // Alternating which goes first keeps a drift in the machine's load out of the differences.
      if (pair % 2 === 0) {
        runtimeTurns.push(await turn(runtime));
        directTurns.push(await turn(direct));
      } else {
        directTurns.push(await turn(direct));
        runtimeTurns.push(await turn(runtime));
      }
    }
    const ttftOverheads = runtimeTurns.map((t, i) => t.ttftMs - directTurns[i]!.ttftMs);
    const allTurns = [...runtimeTurns, ...directTurns];
    return {
      ttftOverheadMs: median(ttftOverheads),
      ttftOverheadQuartilesMs: [percentile(ttftOverheads, 25), percentile(ttftOverheads, 75)],
      totalRatio: median(runtimeTurns.map((t, i) => t.totalMs / directTurns[i]!.totalMs)),
      runtime: turnStats(runtimeTurns),
      direct: turnStats(directTurns),
      deltasPerTurn: median(allTurns.map((t) => t.deltas)),
      unmatchedTurns: allTurns.filter((t) => t.gapP95Ms === null).length,
    };
  } finally {
    unsubscribe();
  }
}

function turnStats(turns: Turn[]): TurnStats {
  const matched = (pick: (turn: Turn) => number | null) => {
    const values = turns.flatMap((turn) => pick(turn) ?? []);
    return values.length > 0 ? median(values) : Number.NaN;
  };
  return {
    ttftMs: median(turns.map((t) => t.ttftMs)),
    headMs: median(turns.map((t) => t.headMs)),
    firstDeltaDelayMs: matched((t) => t.firstDeltaDelayMs),
    totalMs: median(turns.map((t) => t.totalMs)),
    gapP95Ms: matched((t) => t.gapP95Ms),
  };
}

/** One streamed turn, timed from sending the request to the end of the stream. */
async function streamTurn(target: ChatTarget, prompt: string, modelDeltas: readonly DeltaEvent[]): Promise<Turn> {
  const startedAt = performance.now();
  const response = await fetch(target.url, {
    method: "POST",
    headers: { ...target.headers, "content-type": "application/json" },
    body: JSON.stringify({ model: "openclaw", input: prompt, stream: true }),
  });
  const headAt = performance.now();
  if (response.status !== 200 || !response.body) {
    const text = await response.text();
    throw new Error(`${target.url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  const clientDeltas: number[] = [];
  let endedAt = startedAt;
  for await (const event of readSse(response.body)) {
    if (event.event === DELTA_EVENT) clientDeltas.push(event.at);
    if (event.event === "response.failed") throw new Error(`turn failed: ${event.data.slice(0, 300)}`);
    endedAt = event.at;
  }
  if (clientDeltas.length === 0) throw new Error(`${target.url} streamed no text deltas`);
  const modelTimes = modelDeltaTimes(modelDeltas, startedAt, endedAt);
  const matched = modelTimes.length === clientDeltas.length;
  return {
    ttftMs: clientDeltas[0]! - startedAt,
    headMs: headAt - startedAt,
    totalMs: endedAt - startedAt,
    firstDeltaDelayMs: matched ? clientDeltas[0]! - modelTimes[0]! : null,
    gapP95Ms: matched ? percentile(gapDeviations(modelTimes, clientDeltas), 95) : null,
    deltas: clientDeltas.length,
  };
}

/**
 * The model's delta times for the turn that ran in [from, to]: turns run one at a time,
 * so the reply is the model request in that window that streamed the most deltas.
 */
function modelDeltaTimes(deltas: readonly DeltaEvent[], from: number, to: number): number[] {
  const byRequest = new Map<string, DeltaEvent[]>();
  for (const delta of deltas) {
    if (delta.at < from || delta.at > to) continue;
    const request = byRequest.get(delta.requestId);
    if (request) request.push(delta);
    else byRequest.set(delta.requestId, [delta]);
  }
  const reply = [...byRequest.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return reply.sort((a, b) => a.index - b.index).map((delta) => delta.at);
}
