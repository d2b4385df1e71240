// A labelled file chooser that shows the chosen file's name and size.
import { useRef } from 'react';

interface Props {
  label: string;
  accept: string;
  /** data-testid of the hidden input (tests use setInputFiles on it). */
  testId: string;
  file: File | null;
  onFile(file: File): void;
  disabled?: boolean;
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function FileField({ label, accept, testId, file, onFile, disabled }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="file-field">
      <button type="button" onClick={() => input.current?.click()} disabled={disabled}>{label}</button>
      <span className="file-name" data-testid={`${testId}-name`}>{file ? `${file.name} (${size(file.size)})` : 'No file chosen'}</span>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
    </div>
  );
}
