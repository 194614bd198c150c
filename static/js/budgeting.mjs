// While someone chooses, say what they have chosen and what is left (money, ideas or points),
// in the same words the server uses when it checks the ballot (commissioning/budgeting/services.py:
// ballot_status and ballot_problems). The form works without this: the page is sent with the
// counter filled in, and the server checks every ballot and explains any problem.
const form = document.querySelector(".app-pb-ballot");
if (form) {
  const rule = form.dataset.rule;
  const budget = Number(form.dataset.budget);
  const points = Number(form.dataset.points);
  const maxChoices = Number(form.dataset.maxChoices);
  const output = form.querySelector(".app-pb-remaining");
  const money = (value) => `${value < 0 ? "-" : ""}£${Math.abs(value).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const ideas = (count) => `${count} idea${count === 1 ? "" : "s"}`;

  const say = () => {
    if (rule === "points") {
      let given = 0;
      form.querySelectorAll('input[name^="points_"]').forEach((input) => {
        const value = input.value.trim();
        if (/^\d+$/.test(value)) given += Number(value);
      });
      const left = points - given;
      return left >= 0 ? `You have ${left} point${left === 1 ? "" : "s"} left to give.` : `You have given ${-left} point${left === -1 ? "" : "s"} too many.`;
    }
    const ticked = [...form.querySelectorAll('input[name="proposals"]:checked')];
    if (rule === "approval") {
      return `You have chosen ${ideas(ticked.length)}. You can choose up to ${maxChoices}.`;
    }
    const spent = ticked.reduce((sum, input) => sum + Number(input.dataset.cost), 0);
    if (spent > budget) return `The ideas you chose cost ${money(spent)}. You can spend up to ${money(budget)}.`;
    return `You have chosen ${ideas(ticked.length)} costing ${money(spent)}. You have ${money(budget - spent)} left to spend.`;
  };

  const update = () => {
    const text = say();
    if (output.textContent !== text) output.textContent = text;  // a live region: speak only changes
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
}
