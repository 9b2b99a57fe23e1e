import type { JobsConfig } from 'payload'

import { staff } from '../../access'
import { isStaffUser } from '../../access/roles'
import { accountMailTasks } from './account-mail'
import { alertTasks } from './alerts'
import { contactTasks } from './contact'
import { fetchFeedImagesTask } from './feed-images'
import { mailImportToEditorsTask } from './feed-mail'
import { sendEmailTask } from './send-email'
import { mailDecisionToAuthorTask, mailSubmissionToEditorsTask } from './workflow-mail'

export const jobs: JobsConfig = {
  tasks: [sendEmailTask, mailSubmissionToEditorsTask, mailDecisionToAuthorTask, ...accountMailTasks, ...contactTasks, ...alertTasks, mailImportToEditorsTask, fetchFeedImagesTask],
  access: {
    // Jobs run in the app's own worker loop; over HTTP only staff may run, queue or cancel them.
    run: ({ req }) => isStaffUser(req.user),
    queue: ({ req }) => isStaffUser(req.user),
    cancel: ({ req }) => isStaffUser(req.user),
  },
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    access: { ...defaultJobsCollection.access, read: staff, create: () => false, update: () => false, delete: staff },
  }),
}
