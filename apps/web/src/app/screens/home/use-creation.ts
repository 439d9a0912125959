import type { ProvisionEvent } from "@openclaw-cloud/contracts/web-views";
import { useCallback, useEffect, useRef, useState } from "react";
import { connectTelegram, createInstance } from "../../api/instance.ts";
import { saveKey } from "../../api/settings.ts";
import type { CreationProgress } from "./creation-steps.ts";
import { keyToSave, modelChoiceOf, type Draft } from "./draft.ts";

export interface Creation {
  /** Null until the person confirms. */
  progress: CreationProgress | null;
  /** A refusal before any stage (a bad key, instance_exists, ...). */
  error: unknown;
  start: (draft: Draft) => Promise<void>;
  /** Back to the wizard after a refusal. */
  reset: () => void;
}

/**
 * Creating an OpenClaw from the wizard's draft: the person's secrets are saved first (the
 * API hands them to the gateway at create), then the create stream is read stage by stage.
 */
export function useCreation(onDone: () => Promise<void>): Creation {
  const [progress, setProgress] = useState<CreationProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(
    async (draft: Draft) => {
      const key = keyToSave(draft);
      const botToken = draft.botToken.trim();
      const needsSecrets = key !== null || botToken !== "";
      let current: CreationProgress = { secrets: needsSecrets ? "running" : "skipped", events: [], streaming: !needsSecrets };
      const update = (next: Partial<CreationProgress>) => {
        current = { ...current, ...next };
        setProgress(current);
      };
      setError(null);
      setProgress(current);
      try {
        if (key) await saveKey(key.provider, key.key, key.baseUrl);
        if (botToken) await connectTelegram(botToken);
      } catch (caught) {
        setError(caught);
        update({ secrets: "failed" });
        return;
      }
      if (needsSecrets) update({ secrets: "done", streaming: true });
      abort.current = new AbortController();
      const events: ProvisionEvent[] = [];
      try {
        for await (const event of createInstance(modelChoiceOf(draft), abort.current.signal)) {
          events.push(event);
          update({ events: [...events] });
        }
      } catch (caught) {
        if (abort.current.signal.aborted) return;
        // Once a stage has arrived the instance exists and its work goes on: the lost stream is
        // shown as such (creationOutcome "interrupted"), not as an error of this page.
        if (events.length === 0) setError(caught);
      }
      update({ streaming: false });
      if (events.length > 0) await onDone();
    },
    [onDone],
  );

  const reset = useCallback(() => {
    setProgress(null);
    setError(null);
  }, []);

  return { progress, error, start, reset };
}
