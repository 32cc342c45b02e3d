import RenewalStore
let plan = try PlanLoader.embedded()
print(plan.measures.count)
