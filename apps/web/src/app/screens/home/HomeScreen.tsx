import { useState } from "react";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Spinner } from "../../components/Spinner.tsx";
import { useInstance } from "../../instance.tsx";
import { CreateWizard } from "./CreateWizard.tsx";
import { InstanceHome } from "./InstanceHome.tsx";

/** `/`: onboarding while the person has no OpenClaw (and while creating one), else its home. */
export function HomeScreen() {
  const { status, reload } = useInstance();
  const [creating, setCreating] = useState(false);
  if (creating || status.kind === "none") return <CreateWizard onBusy={setCreating} />;
  if (status.kind === "loading") return <Spinner label="Loading your OpenClaw…" />;
  if (status.kind === "failed") return <ErrorNotice error={status.error} onRetry={() => void reload()} />;
  return <InstanceHome view={status.view} />;
}
