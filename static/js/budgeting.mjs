// While someone chooses, say how much money (or how many points) is left. The form works
// without this: the server checks every ballot and explains any problem.
const form = document.querySelector(".app-pb-ballot");
if (form) {
  const rule = form.dataset.rule;
  const budget = Number(form.dataset.budget);
  const points = Number(form.dataset.points);
  const output = form.querySelector(".app-pb-remaining");
  const pounds = (value) => `£${Math.abs(value).toLocaleString("en-GB")}`;

  const update = () => {
    if (rule === "points") {
      let given = 0;
      form.querySelectorAll('input[name^="points_"]').forEach((input) => { given += Number(input.value) || 0; });
      const left = points - given;
      output.textContent = left >= 0 ? `You have ${left} point${left === 1 ? "" : "s"} left to give.` : `You have given ${-left} point${left === -1 ? "" : "s"} too many.`;
    } else {
      const ticked = [...form.querySelectorAll('input[name="proposals"]:checked')];
      if (rule === "knapsack") {
        const left = budget - ticked.reduce((sum, input) => sum + Number(input.dataset.cost), 0);
        output.textContent = left >= 0 ? `You have ${pounds(left)} left to spend.` : `You are ${pounds(left)} over the budget.`;
      } else {
        output.textContent = `You have chosen ${ticked.length} idea${ticked.length === 1 ? "" : "s"}.`;
      }
    }
    output.hidden = false;
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
}
