/** Every tool, by name. */

import { getOrderStatusTool, getSubscriptionTool } from './account.tool.js';
import { getInvoiceTool, listInvoicesTool, listPaymentsTool } from './billing.tool.js';
import { checkRefundEligibilityTool, requestRefundTool } from './refund.tool.js';
import { escalateToHumanTool, getServiceStatusTool, searchKnowledgeBaseTool } from './support.tool.js';
import type { Tool } from './tool.js';

export const TOOLS: Record<string, Tool> = Object.fromEntries(
  [
    listInvoicesTool,
    getInvoiceTool,
    listPaymentsTool,
    checkRefundEligibilityTool,
    requestRefundTool,
    getSubscriptionTool,
    getOrderStatusTool,
    searchKnowledgeBaseTool,
    getServiceStatusTool,
    escalateToHumanTool,
  ].map((t) => [t.name, t]),
);

export * from './tool.js';
