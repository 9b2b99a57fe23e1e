import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { isStaffUser } from '../../../access/roles'
import { WORKFLOW } from '../../../access/workflow'

/**
 * The editors' start page: how many case studies are in each workflow state, and the review queue
 * (submitted cases, oldest first) with links to review them.
 */
export async function ReviewQueue({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  if (!isStaffUser(user as never)) return null
  const adminRoute = payload.config.routes.admin
  const counts = await Promise.all(
    WORKFLOW.map(async (state) => ({ state, count: (await payload.count({ collection: 'case-studies', where: { workflowState: { equals: state } } })).totalDocs })),
  )
  const queue = await payload.find({
    collection: 'case-studies',
    where: { workflowState: { equals: 'submitted' } },
    sort: 'updatedAt',
    limit: 20,
    depth: 1,
    draft: true,
    select: { title: true, author: true, cities: true, updatedAt: true, completeness: true },
  })
  return (
    <section className="review-queue" style={{ marginBottom: '2rem' }}>
      <h2>Review queue</h2>
      <p>
        {counts.map(({ state, count }) => (
          <span key={state} style={{ marginRight: '1.5rem' }} data-testid={`count-${state}`}>
            {state.replace('_', ' ')}: <strong>{count}</strong>
          </span>
        ))}
      </p>
      {queue.docs.length === 0 ? (
        <p>No case study is waiting for review.</p>
      ) : (
        <table className="table" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th align="left">Submitted case study</th>
              <th align="left">Author</th>
              <th align="left">City</th>
              <th align="left">Complete</th>
              <th align="left">Waiting since</th>
            </tr>
          </thead>
          <tbody>
            {queue.docs.map((doc) => {
              const author = typeof doc.author === 'object' && doc.author ? doc.author.displayName : ''
              const city = Array.isArray(doc.cities) && typeof doc.cities[0] === 'object' && doc.cities[0] ? doc.cities[0].name : ''
              return (
                <tr key={doc.id}>
                  <td>
                    <a href={`${adminRoute}/collections/case-studies/${doc.id}`}>{doc.title}</a>
                  </td>
                  <td>{author}</td>
                  <td>{city}</td>
                  <td>{doc.completeness?.score ?? 0}%</td>
                  <td>{new Date(doc.updatedAt).toISOString().slice(0, 10)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
