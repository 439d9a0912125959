const STEPS = ["Model", "Telegram", "Confirm"];

/** "1 Model · 2 Telegram · 3 Confirm", the current one marked. */
export function WizardSteps({ current }: { current: number }) {
  return (
    <ol className="wizard-steps" aria-label="Steps">
      {STEPS.map((name, index) => (
        <li
          key={name}
          className={index === current ? "wizard-step wizard-step-current" : index < current ? "wizard-step wizard-step-done" : "wizard-step"}
          aria-current={index === current ? "step" : undefined}
        >
          <span className="wizard-step-number" aria-hidden="true">
            {index + 1}
          </span>
          {name}
        </li>
      ))}
    </ol>
  );
}
