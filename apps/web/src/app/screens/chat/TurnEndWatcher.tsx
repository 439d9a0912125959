import { useAuiState } from "@assistant-ui/react";
import { useEffect, useRef } from "react";

/** Tells the screen when a turn ended, so lists beside the chat (sessions, thread titles) show the new activity. */
export function TurnEndWatcher({ onTurnEnd }: { onTurnEnd: () => void }) {
  const running = useAuiState(({ thread }) => thread.isRunning);
  const wasRunning = useRef(false);
  useEffect(() => {
    if (wasRunning.current && !running) onTurnEnd();
    wasRunning.current = running;
  }, [running, onTurnEnd]);
  return null;
}
