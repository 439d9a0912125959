import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Link } from "../../router.tsx";
import { creationOutcome, creationSteps, type CreationProgress } from "./creation-steps.ts";
import { StepList } from "./StepList.tsx";

interface CreationViewProps {
  progress: CreationProgress;
  error: unknown;
  /** Back to the wizard to change something (after a refusal). */
  onEdit: () => void;
  /** Leave the progress for the OpenClaw's own page. */
  onFinish: () => void;
}

/** Creating, live: each stage as the API reports it, then the outcome and where to go next. */
export function CreationView({ progress, error, onEdit, onFinish }: CreationViewProps) {
  const outcome = creationOutcome(progress);
  const refused = error !== null && progress.events.length === 0;
  return (
    <div className="stack" aria-live="polite">
      <StepList rows={creationSteps(progress)} label="Creating your OpenClaw" />
      {outcome.kind === "done" ? (
        <div className="notice notice-success" role="status">
          <span>Your OpenClaw is up and running.</span>
        </div>
      ) : null}
      {outcome.kind === "failed" ? <ErrorNotice error={{ ...outcome.error, retryAfterSeconds: null }} /> : null}
      <ErrorNotice error={error} />
      {outcome.kind === "interrupted" && !refused && progress.secrets !== "failed" ? (
        <div className="notice notice-warning" role="status">
          We lost sight of the progress. Creating goes on without this page; your OpenClaw's page shows how it went.
        </div>
      ) : null}
      <div className="row wizard-nav">
        {refused ? (
          <button type="button" className="button" onClick={onEdit}>
            Back to the choices
          </button>
        ) : null}
        {outcome.kind === "done" ? (
          <>
            <button type="button" className="button button-primary" onClick={onFinish}>
              Go to your OpenClaw
            </button>
            <Link to="/chat" className="button">
              Start chatting
            </Link>
          </>
        ) : null}
        {outcome.kind === "failed" || (outcome.kind === "interrupted" && !refused) ? (
          <button type="button" className="button button-primary" onClick={onFinish}>
            Go to your OpenClaw
          </button>
        ) : null}
      </div>
    </div>
  );
}
