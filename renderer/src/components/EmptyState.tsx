/**
 * What a page shows when it has nothing yet: what this place is for, and
 * the next step.
 */
import type { ReactNode } from 'react'

/** An empty state: a title, a line of explanation, and an optional action. */
export function EmptyState ({ title, children, action }: { title: string, children?: ReactNode, action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children === undefined ? null : <p>{children}</p>}
      {action}
    </div>
  )
}
